package org.hldprep.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.hldprep.platform.api.JsonErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Refuses (403) a state-changing call that a browser sends for a page of another site: once an
 * administrator has typed their password into the browser's Basic prompt (the Swagger UI), the browser
 * adds it to any request to this host, a cross-site form POST of a deployment included. Browsers say
 * where a request comes from: {@code Sec-Fetch-Site} ({@code cross-site} is refused, {@code same-site}
 * too unless its origin is allowed) and {@code Origin} (refused unless it is this application's own
 * scheme, host and port, or allowed). Requests with neither header (curl, Camunda Modeler, servers)
 * pass; so do reads, which change nothing. Runs before authentication: nothing of the request is used.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final String SEC_FETCH_SITE = "Sec-Fetch-Site";

  private final Set<String> allowedOrigins;

  /** @param allowedOrigins other origins of the same site whose pages may write, e.g. https://tools.iom.int */
  public CrossSiteRequestFilter(Collection<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins.stream().map(CrossSiteRequestFilter::normalised).filter(o -> !o.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return SAFE_METHODS.contains(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (fromAnotherSite(request)) {
      String origin = request.getHeader(HttpHeaders.ORIGIN);
      JsonErrors.write(request, response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "Refused: this request comes from a page of another site (" + (origin == null
              ? "unknown origin"
              : origin.length() > 100 ? origin.substring(0, 100) + "..." : origin)
              + "). Changes through /engine-rest, /api and /actuator are accepted"
              + " from this application's own pages and from clients outside a browser.");
      return;
    }
    chain.doFilter(request, response);
  }

  /** Whether the browser says the request was made by a page of another site (reads included). */
  public boolean fromAnotherSite(HttpServletRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    boolean allowed = origin != null && allowedOrigins.contains(normalised(origin));
    String site = request.getHeader(SEC_FETCH_SITE);
    if ("cross-site".equalsIgnoreCase(site) || ("same-site".equalsIgnoreCase(site) && !allowed)) {
      return true;
    }
    return origin != null && !allowed && !WebUtils.isSameOrigin(new ServletServerHttpRequest(request));
  }

  private static String normalised(String origin) {
    String trimmed = origin.trim().toLowerCase(Locale.ROOT);
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
