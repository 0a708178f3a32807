package org.hldprep.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.hldprep.engine.CredentialsCache;
import org.hldprep.platform.api.JsonErrors;
import org.hldprep.platform.settings.HldPrepProperties;
import org.hldprep.routing.GroupIds;
import org.hldprep.security.guard.AccountChangesRule;
import org.hldprep.security.guard.AdminOnlyEndpointsRule;
import org.hldprep.security.guard.AdminPluginRule;
import org.hldprep.security.guard.AdminSetupRule;
import org.hldprep.security.guard.CockpitPluginRule;
import org.hldprep.security.guard.ExpressionQueryRule;
import org.hldprep.security.guard.JsonNestingRule;
import org.hldprep.security.guard.SkipFlagsRule;
import org.hldprep.security.guard.StartVariablesRule;
import org.hldprep.security.guard.TaskCommentsRule;
import org.hldprep.security.guard.TaskCompletionRule;
import org.hldprep.security.guard.TaskFormGuard;
import org.hldprep.security.guard.TaskHandOverRule;
import org.hldprep.security.guard.TaskRoutingRule;
import org.hldprep.security.guard.TaskVariableReadRule;
import org.hldprep.security.login.LoginThrottle;
import org.hldprep.security.login.LoginThrottledException;
import org.hldprep.security.login.VerifyPasswordThrottleFilter;
import org.hldprep.security.login.WebappLoginThrottleFilter;
import org.hldprep.security.sso.PasswordLoginOffException;
import org.hldprep.security.sso.SsoAccountsRule;
import org.hldprep.security.sso.SsoSecurity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Spring Security owns every URL, deny by default:
 * <ol>
 *   <li>{@code /engine-rest/**}, {@code /api/**}, {@code /actuator/**}: stateless HTTP Basic against the
 *       Camunda identity service, throttled ({@link LoginThrottle}); each request runs as its user inside
 *       the engine; the engine API guard's rules apply;</li>
 *   <li>{@code /camunda/**}: the webapps keep Camunda's own login (throttled the same way, as is Camunda's
 *       password check {@code /identity/verify} in both) and CSRF
 *       protection, behind the same guard;</li>
 *   <li>everything else is refused, but for the redirect at {@code /}.</li>
 * </ol>
 * Errors: problem+json under {@code /api}, Camunda's {@code {type, message}} elsewhere ({@link JsonErrors}).
 * With single sign-on ({@link SsoSecurity}) people sign in to the webapps through the organisation's
 * provider and systems send its bearer tokens; passwords remain for the local administrators only.
 * Camunda's Spring Security starter is not used: it leaves everything outside the webapps open,
 * {@code /engine-rest} included.
 */
@Configuration
public class SecurityConfig {

  private static final String REALM = "HLD Prep";

  private final Supplier<IdentityService> identityService;
  private final Supplier<ProcessEngine> engine;
  private final EngineApiGuardFilter guard;
  private final CredentialsCache recentLogins;
  private final CrossSiteRequestFilter crossSite;
  private final SsoSecurity sso;

  /**
   * The engine is looked up lazily: filter chains are built while Tomcat starts, before the engine.
   * {@code hldprep.security.allowed-origins}: other origins of the same site whose pages may write.
   */
  public SecurityConfig(ObjectProvider<IdentityService> identityService, ObjectProvider<ProcessEngine> engine,
      CredentialsCache recentLogins, HldPrepProperties properties, SsoSecurity sso) {
    this.identityService = identityService::getObject;
    this.engine = engine::getObject;
    this.recentLogins = recentLogins;
    this.sso = sso;
    this.guard = engineApiGuard();
    this.crossSite = new CrossSiteRequestFilter(properties.security().allowedOrigins());
  }

  /** Before every other filter: see {@link EncodedPathFilter}. */
  @Bean
  FilterRegistrationBean<EncodedPathFilter> encodedPathFilter() {
    FilterRegistrationBean<EncodedPathFilter> registration = new FilterRegistrationBean<>(new EncodedPathFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  LoginThrottle loginThrottle(HldPrepProperties properties) {
    HldPrepProperties.Login login = properties.security().login();
    return new LoginThrottle(new LoginThrottle.Limit(login.failuresPerAddress(), login.window()),
        new LoginThrottle.Limit(login.failuresPerAccount(), login.window()), login.rememberGoodAddresses());
  }

  /**
   * The engine API guard: one rule per policy, asked in this order. Not a bean: Spring Boot would also
   * register a Filter bean for every URL, outside the security chains.
   */
  private EngineApiGuardFilter engineApiGuard() {
    TaskFormGuard forms = new TaskFormGuard(engine);
    return new EngineApiGuardFilter(List.of(
        new JsonNestingRule(),
        new AdminSetupRule(this::setupIsOver),
        new CockpitPluginRule(),
        new AdminPluginRule(),
        new AccountChangesRule(),
        new AdminOnlyEndpointsRule(),
        new SkipFlagsRule(),
        new StartVariablesRule(),
        new TaskRoutingRule(),
        new TaskHandOverRule(),
        new TaskVariableReadRule(forms),
        new TaskCommentsRule(forms),
        new TaskCompletionRule(forms, engine),
        new ExpressionQueryRule(),
        new SsoAccountsRule(sso.enabled(), sso.localAccounts())));
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
    http.securityMatcher(new OrRequestMatcher(withDefaults().matcher("/engine-rest/**"),
        withDefaults().matcher("/api/**"), withDefaults().matcher("/actuator/**"),
        // OpenAPI of /api (springdoc): the document for any user, Swagger UI for administrators
        withDefaults().matcher("/v3/api-docs/**"), withDefaults().matcher("/swagger-ui/**"),
        withDefaults().matcher("/swagger-ui.html")))
        .csrf(AbstractHttpConfigurer::disable)
        // Stateless; and a request authenticated from the webapps' session (WebappSessionApiFilter) must
        // not rotate that session's id under Cockpit.
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))
        .authenticationManager(
            new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService, throttle, recentLogins,
                sso.passwordAllowed())))
        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized()))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/actuator/health")).permitAll()
            .requestMatchers(withDefaults().matcher("/actuator/**")).hasAuthority(GroupIds.ADMIN)
            .requestMatchers(withDefaults().matcher("/swagger-ui/**"), withDefaults().matcher("/swagger-ui.html"))
            .hasAuthority(GroupIds.ADMIN)
            .anyRequest().authenticated())
        // Before anything reads the request: writes from other sites, then bodies over the limit.
        .addFilterBefore(crossSite, BasicAuthenticationFilter.class)
        .addFilterAfter(new RequestBodyLimitFilter(), CrossSiteRequestFilter.class)
        // GETs under /api from the webapps' session (the progress board in Cockpit)
        .addFilterAfter(new WebappSessionApiFilter(engine), RequestBodyLimitFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
        .addFilterAfter(guard, EngineAuthenticationFilter.class)
        // After the authorization check: only a logged-in user reaches Camunda's password check.
        .addFilterAfter(new VerifyPasswordThrottleFilter(throttle), AuthorizationFilter.class);
    sso.api(http, unauthorized());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappChain(HttpSecurity http, LoginThrottle throttle,
      HldPrepProperties properties) throws Exception {
    boolean hsts = properties.security().hsts();
    http.securityMatcher(withDefaults().matcher("/camunda/**"))
        // Camunda's webapps run their own login and their own CSRF filter (X-XSRF-TOKEN, see
        // WebappCsrfConfig); layering Spring's CSRF on top would reject the webapps' login.
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
        .authorizeHttpRequests(auth -> {
          sso.authorizePages(auth);
          auth.anyRequest().permitAll();
        })
        .addFilterBefore(new WebappLoginThrottleFilter(throttle), BasicAuthenticationFilter.class)
        .addFilterAfter(guard, WebappLoginThrottleFilter.class)
        .addFilterAfter(new VerifyPasswordThrottleFilter(throttle), EngineApiGuardFilter.class);
    sso.webapp(http);
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

  /** Setup is over once any user exists: HLD Prep never runs with users but no administrator. */
  private boolean setupIsOver() {
    return identityService.get().createUserQuery().memberOfGroup(GroupIds.ADMIN).count() > 0
        || identityService.get().createUserQuery().count() > 0;
  }

  /**
   * 401, with the Basic challenge only for a request that no other site's page caused: a page of
   * another site cannot make the browser prompt for (and then keep) an HLD Prep password. The challenge
   * itself stays: the administrators' Swagger UI and clients with an authenticator rely on it.
   */
  private AuthenticationEntryPoint unauthorized() {
    return (request, response, e) -> {
      if (e instanceof LoginThrottledException throttled) {
        response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
        JsonErrors.write(request, response, 429, "TooManyRequests", throttled.getMessage());
        return;
      }
      if (e instanceof OAuth2AuthenticationException token) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
        JsonErrors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException",
            "The bearer token is refused: " + token.getError().getDescription());
        return;
      }
      if (!crossSite.fromAnotherSite(request)) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
      }
      JsonErrors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException",
          e instanceof PasswordLoginOffException
              ? e.getMessage()
              : sso.enabled()
                  ? "Authentication required: send a bearer token of the organisation's provider."
                  : "Authentication required: send HTTP Basic credentials of an HLD Prep user.");
    };
  }

  private static AccessDeniedHandler forbidden() {
    return (request, response, e) -> JsonErrors.write(request, response, HttpServletResponse.SC_FORBIDDEN,
        "AuthorizationException", "Your groups do not allow this request.");
  }
}
