package org.hldprep.platform.input;

/**
 * A value a client sent that cannot be used, with a message that names the field and the value. The
 * engine side turns it into a BadUserRequestException, the REST side into a 400; both show the message.
 */
public class InvalidInputException extends IllegalArgumentException {

  public InvalidInputException(String message) {
    super(message);
  }
}
