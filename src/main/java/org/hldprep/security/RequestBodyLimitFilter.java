package org.hldprep.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.hldprep.platform.api.JsonErrors;
import org.hldprep.platform.input.InputLimits;
import org.hldprep.security.guard.GuardedRequests;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bodies of /api, /engine-rest and /actuator are bounded ({@link InputLimits}): a larger one is answered
 * 413 before anything reads it, authentication and the controllers' JSON parsing included (a Country
 * Office's 32 MB bodies were parsed before its rights were checked). A body of unknown length (chunked)
 * is read up to the limit and replayed.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    int limit = limit(request);
    long length = request.getContentLengthLong();
    if (length > limit) {
      tooLarge(request, response, limit);
      return;
    }
    if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
      byte[] body = request.getInputStream().readNBytes(limit + 1);
      if (body.length > limit) {
        tooLarge(request, response, limit);
        return;
      }
      chain.doFilter(GuardedRequests.replayed(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  static int limit(HttpServletRequest request) {
    String contentType = request.getContentType();
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
        ? InputLimits.MAX_MULTIPART_BYTES
        : InputLimits.MAX_BODY_BYTES;
  }

  private static void tooLarge(HttpServletRequest request, HttpServletResponse response, int limit)
      throws IOException {
    JsonErrors.write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
        "The request body may not exceed " + limit + " bytes.");
  }
}
