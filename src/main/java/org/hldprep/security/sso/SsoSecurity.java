package org.hldprep.security.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.hldprep.platform.settings.HldPrepProperties;
import org.hldprep.reference.ReferenceData;
import org.hldprep.routing.GroupIds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.session.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Single sign-on through the organisation's OpenID Connect provider, on while {@code hldprep.sso.issuer.uri}
 * is set (docs/security.md, single sign-on). {@link org.hldprep.security.SecurityConfig} asks it to add to
 * its chains:
 * <ul>
 *   <li>webapps: opening a page of Tasklist, Cockpit, Admin or Welcome without a webapp session sends the
 *       browser to the provider (authorization code flow with PKCE); back from there, {@link SsoSignIn}
 *       refuses the account or signs it in; {@code /camunda/sso/logout} ends HLD Prep's session and the
 *       provider's (RP-initiated logout); the webapps' login form takes only the local administrators
 *       ({@code ?breakglass} on a page shows it);</li>
 *   <li>{@code /api}, {@code /engine-rest}: bearer JWTs of the provider ({@link SsoTokens}); HTTP Basic only
 *       for the local administrators.</li>
 * </ul>
 * Everything else (the engine API guard, CSRF protection, sessions in the database, the login throttle)
 * stays as it is without single sign-on.
 */
@Configuration
public class SsoSecurity {

  public static final String PASSWORDS_OFF = "Password login is off: HLD Prep uses the organisation's single"
      + " sign-on. People sign in through the provider, systems send its bearer tokens; only the local"
      + " administrator accounts keep a password.";
  static final String BREAK_GLASS_PARAMETER = "breakglass";
  /** The webapps' pages (not their scripts): /camunda/app/, /camunda/app/{app}/, /camunda/app/{app}/{engine}/. */
  private static final Pattern PAGE = Pattern.compile("^/camunda/app/([a-z]+/([a-z0-9-]+/)?(index\\.html)?)?$");

  private final HldPrepProperties.Sso settings;
  private final Set<String> localAccounts;
  private final SsoIdentities identities;
  private final ObjectProvider<ProcessEngine> engine;
  private final ObjectProvider<IdentityService> identityService;

  public SsoSecurity(HldPrepProperties properties, ReferenceData referenceData, ObjectProvider<ProcessEngine> engine,
      ObjectProvider<IdentityService> identityService) {
    this.settings = properties.sso();
    this.localAccounts = new TreeSet<>();
    Stream.of(properties.admin().user(), properties.breakglass().user()).filter(u -> !u.isEmpty())
        .forEach(localAccounts::add);
    this.identities = new SsoIdentities(settings, GroupIds.contractGroups(referenceData).keySet(), localAccounts);
    this.engine = engine;
    this.identityService = identityService;
  }

  public boolean enabled() {
    return settings.enabled();
  }

  /** Who may log in with a password: everyone without single sign-on, the local administrators with it. */
  public Predicate<String> passwordAllowed() {
    return user -> !enabled() || localAccounts.contains(user);
  }

  public Set<String> localAccounts() {
    return Set.copyOf(localAccounts);
  }

  /**
   * The provider sends the browser back with a cross-site redirect, which a SameSite=Strict session cookie
   * would not come along with: under single sign-on the session cookie is SameSite=Lax (top-level GETs
   * only; Camunda's CSRF token still guards every write).
   */
  @Bean
  DefaultCookieSerializerCustomizer ssoSessionCookie() {
    return serializer -> {
      if (enabled()) {
        serializer.setSameSite("Lax");
      }
    };
  }

  /** Pages need a webapp session (or ask for the break-glass login form); the rest is as without SSO. */
  public void authorizePages(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
    if (!enabled()) {
      return;
    }
    RequestMatcher pages = request -> "GET".equals(request.getMethod()) && PAGE.matcher(path(request)).matches();
    AuthorizationManager<RequestAuthorizationContext> signedIn = (authentication, context) -> new AuthorizationDecision(
        webappUser(context.getRequest()) || context.getRequest().getParameter(BREAK_GLASS_PARAMETER) != null);
    auth.requestMatchers(pages).access(signedIn);
  }

  /** The sign-in, sign-out and pages of single sign-on in the webapps' chain. */
  public void webapp(HttpSecurity http) throws Exception {
    if (!enabled()) {
      return;
    }
    SsoRegistrations registrations = new SsoRegistrations(settings);
    SsoSignIn signIn = new SsoSignIn(identities, new StaffMirror(identityService::getObject), engine::getObject);
    DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
        SsoPages.AUTHORIZE);
    withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    AuthenticationEntryPoint toProvider = new LoginUrlAuthenticationEntryPoint(
        SsoPages.AUTHORIZE + "/" + SsoRegistrations.ID);
    OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    signedOut.setPostLogoutRedirectUri("{baseUrl}" + SsoPages.SIGNED_OUT);
    signedOut.setDefaultTargetUrl(SsoPages.SIGNED_OUT);
    http.oauth2Login(login -> login
        .clientRegistrationRepository(registrations)
        .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
        .loginPage(SsoPages.AUTHORIZE + "/" + SsoRegistrations.ID)
        .authorizationEndpoint(a -> a.baseUri(SsoPages.AUTHORIZE).authorizationRequestResolver(withPkce))
        .loginProcessingUrl(SsoPages.CALLBACK)
        .successHandler(signIn)
        .failureHandler(signIn))
        .logout(logout -> logout.logoutRequestMatcher(SsoSecurity::isSignOut).logoutSuccessHandler(signedOut))
        // a stranger goes to the provider; so does a provider session without a webapp one (signed out
        // of the webapps, or refused: a new sign-in reads the provider's groups again)
        .exceptionHandling(e -> e.authenticationEntryPoint(toProvider)
            .accessDeniedHandler((request, response, denied) -> toProvider.commence(request, response, null)))
        .addFilterBefore(new SsoPages(), LogoutFilter.class)
        .addFilterBefore(new PasswordLoginOffFilter(passwordAllowed()), AuthorizationFilter.class);
  }

  /** Bearer tokens of the provider on {@code /api} and {@code /engine-rest}. */
  public void api(HttpSecurity http, AuthenticationEntryPoint unauthorized) throws Exception {
    if (!enabled()) {
      return;
    }
    SsoTokens tokens = new SsoTokens(settings, identities);
    JwtAuthenticationProvider provider = new JwtAuthenticationProvider(tokens.decoder());
    provider.setJwtAuthenticationConverter(tokens::authentication);
    // its own manager: the chain's is the password check's
    http.oauth2ResourceServer(server -> server
        .jwt(jwt -> jwt.authenticationManager(new ProviderManager(provider)))
        .authenticationEntryPoint(unauthorized));
  }

  /** GET (the webapps' menu) or POST, from HLD Prep's own pages: another site cannot sign a person out. */
  private static boolean isSignOut(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    return SsoPages.LOGOUT.equals(path(request)) && ("GET".equals(request.getMethod())
        || "POST".equals(request.getMethod()))
        && (site == null || "same-origin".equals(site)
            || "none".equals(site));
  }

  private boolean webappUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engine.getObject().getName()) != null;
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
