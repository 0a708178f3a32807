package org.hldprep.platform.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
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
 */
@Validated
@ConfigurationProperties("hldprep")
public record HldPrepProperties(
    @Valid @DefaultValue Security security,
    @Valid @DefaultValue Account admin,
    @Valid @DefaultValue Account breakglass,
    @Valid @DefaultValue History history,
    @Valid @DefaultValue Engine engine,
    @Valid @DefaultValue @NestedConfigurationProperty MailSettings mail) {

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

  private static final String HH_MM = "([01]?[0-9]|2[0-3]):[0-5][0-9]";
}
