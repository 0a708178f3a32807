package org.hldprep.platform.api;

/** A resource the caller may not see or that does not exist; answered with 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
