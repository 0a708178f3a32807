package org.hldprep.platform.api;

/** The caller's groups do not allow this request; answered with 403. */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
