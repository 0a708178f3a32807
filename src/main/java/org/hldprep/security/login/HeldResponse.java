package org.hldprep.security.login;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's answer to a password check, held back until the {@link LoginThrottle} has read it: the body
 * is buffered and an error status is recorded rather than sent, so that a wrong password can still be
 * answered 429 instead.
 */
final class HeldResponse extends ContentCachingResponseWrapper {

  private Integer error;
  private String errorMessage;

  HeldResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public void sendError(int status) {
    sendError(status, null);
  }

  @Override
  public void sendError(int status, String message) {
    setStatus(status);
    error = status;
    errorMessage = message;
  }

  /** Sends Camunda's answer on as it was given. */
  void release() throws IOException {
    if (error == null) {
      copyBodyToResponse();
      return;
    }
    HttpServletResponse response = (HttpServletResponse) getResponse();
    if (errorMessage == null) {
      response.sendError(error);
    } else {
      response.sendError(error, errorMessage);
    }
  }
}
