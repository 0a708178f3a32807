package org.hldprep.platform.config;

import org.hldprep.platform.api.DatabaseFailureFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** What keeps the application answering sensibly while its database is away (see README, Guarantees). */
@Configuration
public class DurabilityConfig {

  /**
   * Before every other filter, Spring Session's included (it reads the webapp session from the
   * database), so that an unreachable database is a 503 everywhere.
   */
  @Bean
  FilterRegistrationBean<DatabaseFailureFilter> databaseUnavailableFilter() {
    FilterRegistrationBean<DatabaseFailureFilter> registration = new FilterRegistrationBean<>(
        new DatabaseFailureFilter());
    registration.setOrder(Math.min(SessionRepositoryFilter.DEFAULT_ORDER, Ordered.HIGHEST_PRECEDENCE + 50) - 10);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
