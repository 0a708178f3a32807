package org.hldprep.platform.api;

/** Client input that cannot be acted on; answered with 400 and this message. */
public class InvalidRequestException extends RuntimeException {
  public InvalidRequestException(String message) {
    super(message);
  }
}
