package org.hldprep.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.hldprep.assignment.GroupIds;
import org.springframework.beans.factory.annotation.Value;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Spring Security owns every URL, deny by default:
 * <ol>
 *   <li>{@code /engine-rest/**}, {@code /api/**}, {@code /actuator/**}: stateless HTTP Basic against the
 *       Camunda identity service; each request runs as its user inside the engine;</li>
 *   <li>{@code /camunda/**}: the webapps keep Camunda's own login and CSRF protection, behind our guard;</li>
 *   <li>everything else is refused, but for the redirect at {@code /}.</li>
 * </ol>
 * Camunda's Spring Security starter is not used: it is not on Maven Central for 7.24 and, where it
 * exists, leaves {@code /engine-rest} open (see README, security model).
 */
@Configuration
public class SecurityConfig {

  private static final String REALM = "HLD Prep";

  private final Supplier<IdentityService> identityService;
  private final EngineApiGuardFilter guard;
  private final CredentialsCache recentLogins;

  /** The engine is looked up lazily: filter chains are built while Tomcat starts, before the engine. */
  public SecurityConfig(ObjectProvider<IdentityService> identityService, ObjectProvider<ProcessEngine> engine,
      CredentialsCache recentLogins) {
    this.identityService = identityService::getObject;
    this.recentLogins = recentLogins;
    this.guard = new EngineApiGuardFilter(this.identityService, new TaskFormGuard(engine::getObject));
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
    http.securityMatcher(new OrRequestMatcher(withDefaults().matcher("/engine-rest/**"),
            withDefaults().matcher("/api/**"), withDefaults().matcher("/actuator/**")))
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authenticationManager(new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService, recentLogins)))
        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized()))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/actuator/health")).permitAll()
            .requestMatchers(withDefaults().matcher("/actuator/**")).hasAuthority(GroupIds.ADMIN)
            .anyRequest().authenticated())
        .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
        .addFilterAfter(guard, EngineAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappChain(HttpSecurity http,
      @Value("${hldprep.security.hsts:false}") boolean hsts) throws Exception {
    http.securityMatcher(withDefaults().matcher("/camunda/**"))
        // Camunda's webapps run their own login and their own CSRF filter (X-XSRF-TOKEN); layering
        // Spring's CSRF on top would reject the webapps' login.
        .csrf(AbstractHttpConfigurer::disable)
        .headers(h -> h
            .frameOptions(f -> f.sameOrigin())
            .httpStrictTransportSecurity(hstsConfig -> {
              if (!hsts) {
                hstsConfig.disable();
              } else {
                hstsConfig.includeSubDomains(true).maxAgeInSeconds(31536000);
              }
            }))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .addFilterBefore(guard, BasicAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain denyEverythingElse(HttpSecurity http) throws Exception {
    http.csrf(AbstractHttpConfigurer::disable)
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
        .authorizeHttpRequests(auth -> auth
            .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
            .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/")).permitAll()
            .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/index.html")).permitAll()
            .anyRequest().denyAll());
    return http.build();
  }

  private static AuthenticationEntryPoint unauthorized() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
      JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
          "Authentication required: send HTTP Basic credentials of an HLD Prep user.");
    };
  }

  private static AccessDeniedHandler forbidden() {
    return (request, response, e) -> JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
        "Your groups do not allow this request.");
  }
}
