package org.hldprep.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hldprep.platform.api.JsonErrors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (400) a path with a percent-encoded unreserved character: a letter, a digit or {@code - . _ ~},
 * which RFC 3986 says are never to be encoded and no browser or client encodes. Tomcat decodes the path
 * before choosing the servlet ({@code /%65ngine-rest/task} goes to the engine's servlet at
 * {@code /engine-rest}), but Spring's request path parsing in front of the security chains then finds a
 * servlet path that does not begin the path as sent and throws: a 500. Spring Security's firewall comes
 * after that parsing, so the check sits in this filter, the first of all.
 */
public class EncodedPathFilter extends OncePerRequestFilter {

  private static final Pattern ESCAPED_UNRESERVED = Pattern.compile("%(3[0-9]|[46][1-9a-f]|[57][0-9a]|2[de]|5f|7e)",
      Pattern.CASE_INSENSITIVE);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher escape = ESCAPED_UNRESERVED.matcher(request.getRequestURI());
    if (escape.find()) {
      JsonErrors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
          "The path contains a percent-encoded letter, digit or one of - . _ ~ (" + escape.group()
              + "): write such characters as they are.");
      return;
    }
    chain.doFilter(request, response);
  }
}
