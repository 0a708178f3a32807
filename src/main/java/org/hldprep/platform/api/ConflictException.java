package org.hldprep.platform.api;

/** The request is valid but the state does not allow it now; answered with 409. */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
