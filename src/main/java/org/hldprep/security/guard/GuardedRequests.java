package org.hldprep.security.guard;

import jakarta.servlet.http.HttpServletRequest;

/** The request to pass on after the rules: the original, or a replay of the body a rule has read or rewritten. */
public final class GuardedRequests {

  private GuardedRequests() {
  }

  public static HttpServletRequest replayed(EngineApiCall call) {
    return call.bodyConsumed() ? new CachedBodyRequest(call.request(), call.cachedBody()) : call.request();
  }

  /** The request with this body, already read from it, to read again. */
  public static HttpServletRequest replayed(HttpServletRequest request, byte[] body) {
    return new CachedBodyRequest(request, body);
  }
}
