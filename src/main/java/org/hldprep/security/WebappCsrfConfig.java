package org.hldprep.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.WebappProperty;
import org.camunda.bpm.spring.boot.starter.webapp.filter.LazySecurityFilter;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Puts {@link SessionKeepingCsrfPreventionFilter} where Camunda's webapp initializer would register its
 * own CSRF filter. The initializer skips every filter name that is already registered, so this
 * initializer runs first and registers, in Camunda's order and with Camunda's settings, the two filters
 * that precede the CSRF filter (authentication, then the webapps' path security: an expired session still
 * gets 401 and the login dialog, not a CSRF refusal), then ours under Camunda's name, then the session
 * cookie filter. Authentication, CSRF and session cookie filters open no session where none is needed
 * ({@link WebappSessions}).
 */
@Configuration
public class WebappCsrfConfig {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ServletContextInitializer sessionKeepingCsrfFilter(CamundaBpmProperties properties) {
    return servletContext -> {
      WebappProperty webapp = properties.getWebapp();
      String path = webapp.getApplicationPath();
      long ttl = webapp.getAuth().getCache().getTimeToLive();
      WebappSessions sessions = new WebappSessions(path);
      register(servletContext, "Authentication Filter", new SessionSparingAuthenticationFilter(sessions),
          Collections.singletonMap("cacheTimeToLive", webapp.getAuth().getCache().isTtlEnabled()
              ? Long.toString(ttl)
              : ""),
          path);
      register(servletContext, "Security Filter", new LazySecurityFilter(),
          Collections.singletonMap("configFile", webapp.getSecurityConfigFile()), path);
      register(servletContext, "CsrfPreventionFilter", new SessionKeepingCsrfPreventionFilter(sessions),
          webapp.getCsrf().getInitParams(), path);
      register(servletContext, "SessionCookieFilter", new SessionSparingCookieFilter(sessions),
          webapp.getSessionCookie().getInitParams(), path);
    };
  }

  private static void register(ServletContext servletContext, String name, Filter filter,
      Map<String, String> initParameters, String applicationPath) {
    FilterRegistration.Dynamic registration = servletContext.addFilter(name, filter);
    registration.setInitParameters(initParameters);
    registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, applicationPath + "/api/*",
        applicationPath + "/app/*");
  }
}
