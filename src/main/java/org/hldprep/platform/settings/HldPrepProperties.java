package org.hldprep.platform.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the application ({@code hldprep.*}, environment variables {@code HLDPREP_*}), with its
 * default: this class is the one place a default is written (application*.yaml only override it per
 * profile). docs/operations.md lists the settings an operator sets. A value out of range stops the start
 * with a message naming the setting.
 *
 * @param security the API's and webapps' protections
 * @param admin the first administrator, created when none exists ({@code HLDPREP_ADMIN_USER} / {@code _PASSWORD})
 * @param breakglass the break-glass administrator, created or reset at every start while set
 *     ({@code HLDPREP_BREAKGLASS_USER} / {@code _PASSWORD})
 * @param history how long history is kept and when it is cleaned up
 * @param engine switches of the engine's own plumbing
 * @param mail the e-mail notifications
 * @param sso single sign-on through the organisation's OpenID Connect provider; off without an issuer
 */
@Validated
@ConfigurationProperties("hldprep")
public record HldPrepProperties(
    @Valid @DefaultValue Security security,
    @Valid @DefaultValue Account admin,
    @Valid @DefaultValue Account breakglass,
    @Valid @DefaultValue History history,
    @Valid @DefaultValue Engine engine,
    @Valid @DefaultValue @NestedConfigurationProperty MailSettings mail,
    @Valid @DefaultValue Sso sso) {

  /**
   * @param allowedOrigins origins other than the application's own (scheme://host:port, comma-separated)
   *     whose pages may send writes to /engine-rest, /api and /actuator, on the same site only
   *     (Sec-Fetch-Site same-site); every other site's is refused. Behind a proxy, set
   *     server.forward-headers-strategy so that the application knows its own public origin.
   * @param hsts whether the webapps send Strict-Transport-Security (the prod profile turns it on)
   * @param credentialsCacheTtl how long a successful REST login (HTTP Basic) is remembered on a node;
   *     0s checks every call
   * @param login the login throttle
   */
  public record Security(
      List<String> allowedOrigins,
      @DefaultValue("false") boolean hsts,
      @NotNull @DefaultValue("30s") Duration credentialsCacheTtl,
      @Valid @DefaultValue Login login) {

    public Security {
      allowedOrigins = allowedOrigins == null
          ? List.of()
          : allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
    }
  }

  /**
   * Failed logins allowed per window, per client address and per account (an address that has logged in
   * to an account before is exempt from that account's limit); see docs/security.md, login throttling.
   *
   * @param failuresPerAddress failed logins per client address and window
   * @param failuresPerAccount failed logins per account and window
   * @param window the period the failures are counted over
   * @param rememberGoodAddresses how long an address that logged in to an account stays exempt for it
   */
  public record Login(
      @Positive @DefaultValue("20") int failuresPerAddress,
      @Positive @DefaultValue("10") int failuresPerAccount,
      @NotNull @DefaultValue("10m") Duration window,
      @NotNull @DefaultValue("30d") Duration rememberGoodAddresses) {
  }

  /**
   * An account given by the environment; both empty when not set.
   *
   * @param user the user id (trimmed)
   * @param password the password (at least 12 characters when used)
   */
  public record Account(String user, String password) {

    public Account {
      user = user == null ? "" : user.trim();
      password = password == null ? "" : password;
    }

    @Override
    public String toString() {
      return "Account[user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + "]";
    }
  }

  /**
   * @param cleanupWindowStart start of the nightly window (HH:mm, server time) in which history cleanup runs
   * @param cleanupWindowEnd end of that window (HH:mm, server time)
   * @param timeToLiveDays days the history of an ended instance is kept, set at start-up on every version
   *     of every process and decision definition; empty: each model's own camunda:historyTimeToLive
   */
  public record History(
      @Pattern(regexp = HH_MM, message = "must be HH:mm") @DefaultValue("01:00") String cleanupWindowStart,
      @Pattern(regexp = HH_MM, message = "must be HH:mm") @DefaultValue("05:00") String cleanupWindowEnd,
      @PositiveOrZero Integer timeToLiveDays) {
  }

  /**
   * @param taskQuerySemiJoin task lists check authorizations with a semi-join (see decision 0005); false
   *     restores Camunda's own query
   */
  public record Engine(@DefaultValue("true") boolean taskQuerySemiJoin) {
  }

  /**
   * Single sign-on (docs/security.md, single sign-on): staff sign in with the organisation's account through
   * OpenID Connect, systems call with the provider's bearer tokens. Off while {@code issuer.uri} is empty.
   *
   * @param issuer the provider ({@code HLDPREP_SSO_ISSUER_URI})
   * @param client HLD Prep's client at the provider ({@code HLDPREP_SSO_CLIENT_ID}, {@code _SECRET})
   * @param groups how the provider's groups become HLD Prep's groups
   * @param userNameClaim the claim that holds the user id, e.g. {@code phl-officer}
   * @param audience the audience a bearer token must name; empty: the client id
   */
  public record Sso(
      @Valid @DefaultValue Issuer issuer,
      @Valid @DefaultValue Client client,
      @Valid @DefaultValue Groups groups,
      @DefaultValue("preferred_username") String userNameClaim,
      String audience) {

    public Sso {
      audience = audience == null ? "" : audience.trim();
    }

    public boolean enabled() {
      return !issuer.uri().isEmpty();
    }

    /** The audience bearer tokens must carry: the one set, or HLD Prep's own client id. */
    public String expectedAudience() {
      return audience.isEmpty() ? client.id() : audience;
    }

    @AssertTrue(message = "HLDPREP_SSO_CLIENT_ID and HLDPREP_SSO_CLIENT_SECRET must be set with HLDPREP_SSO_ISSUER_URI")
    public boolean isComplete() {
      return !enabled() || !client.id().isEmpty() && !client.secret().isEmpty();
    }
  }

  /** @param uri the provider's issuer, e.g. {@code https://login.example.org/realms/iom} */
  public record Issuer(String uri) {
    public Issuer {
      uri = uri == null ? "" : uri.trim();
    }
  }

  /**
   * @param id the client id
   * @param secret the client secret
   */
  public record Client(String id, String secret) {
    public Client {
      id = id == null ? "" : id.trim();
      secret = secret == null ? "" : secret;
    }

    @Override
    public String toString() {
      return "Client[id=" + id + ", secret=" + (secret.isEmpty() ? "" : "***") + "]";
    }
  }

  /**
   * @param claim the claim that lists a person's (or system's) groups
   * @param prefix cut from the front of each group name before it is compared with HLD Prep's group ids
   * @param map provider group name to HLD Prep group id, for names that differ (the only way to camunda-admin)
   */
  public record Groups(@DefaultValue("groups") String claim, String prefix, Map<String, String> map) {
    public Groups {
      prefix = prefix == null ? "" : prefix;
      map = map == null ? Map.of() : Map.copyOf(map);
    }
  }

  private static final String HH_MM = "([01]?[0-9]|2[0-3]):[0-5][0-9]";
}
