package org.hldprep.security.guard;

/** Why a rule stops a request: the status and the message the client gets. */
public record Refusal(int status, String type, String message) {

  public static Refusal badRequest(String message) {
    return new Refusal(400, "InvalidRequestException", message);
  }

  public static Refusal forbidden(String message) {
    return new Refusal(403, "AuthorizationException", message);
  }

  public static Refusal notFound(String message) {
    return new Refusal(404, "InvalidRequestException", message);
  }

  public static Refusal tooLarge(String message) {
    return new Refusal(413, "InvalidRequestException", message);
  }
}
