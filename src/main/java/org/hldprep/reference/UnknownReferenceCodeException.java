package org.hldprep.reference;

/** A code sent by a client does not exist in the reference data; answered with 400. */
public class UnknownReferenceCodeException extends RuntimeException {

  public UnknownReferenceCodeException(String message) {
    super(message);
  }
}
