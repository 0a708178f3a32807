package org.hldprep.platform.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: a request that fails because the database cannot be reached (while checking the
 * caller's password, loading a webapp session, or in an {@code /api} controller) is answered 503 with a
 * message and a Retry-After header instead of a 500; one that PostgreSQL refused because another
 * transaction changed the same rows at the same moment is answered 409. The engine REST API maps its own
 * exceptions (EngineRestBadRequestMapper), the {@code /api} controllers theirs (ApiExceptionHandler, with
 * the same answers). Under {@code /api} the body is problem+json, elsewhere Camunda's shape. Nothing is
 * kept in memory: once the database is back, requests work again without a restart.
 */
public class DatabaseFailureFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailureFilter.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (response.isCommitted()) {
        throw e;
      }
      if (DatabaseUnavailable.isCause(e)) {
        LOG.warn("Database unavailable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(),
            e.toString());
        response.reset();
        response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
        JsonErrors.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, DatabaseUnavailable.TYPE,
            DatabaseUnavailable.MESSAGE);
      } else if (ConcurrentUpdate.isCause(e)) {
        LOG.info("Concurrent update: {} {} answered 409 ({})", request.getMethod(), request.getRequestURI(),
            e.toString());
        response.reset();
        JsonErrors.write(request, response, HttpServletResponse.SC_CONFLICT, "Conflict", ConcurrentUpdate.MESSAGE);
      } else {
        throw e;
      }
    }
  }
}
