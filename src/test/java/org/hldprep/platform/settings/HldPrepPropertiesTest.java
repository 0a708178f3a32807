package org.hldprep.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** The settings' defaults are those docs/operations.md lists, the environment variables still bind, bad values stop. */
class HldPrepPropertiesTest {

  private static HldPrepProperties bind(Map<String, Object> environment, Map<String, Object> properties) {
    StandardEnvironment sources = new StandardEnvironment();
    // In place of the machine's environment, under the name by which Boot maps HLDPREP_X_Y to hldprep.x.y.
    sources.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
    sources.getPropertySources().addFirst(new MapPropertySource("properties", properties));
    Binder binder = new Binder(ConfigurationPropertySources.get(sources));
    var validator = new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());
    return binder.bindOrCreate("hldprep", Bindable.of(HldPrepProperties.class), new ValidationBindHandler(validator));
  }

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    HldPrepProperties settings = bind(Map.of(), Map.of());
    assertThat(settings.security().allowedOrigins()).isEmpty();
    assertThat(settings.security().hsts()).isFalse();
    assertThat(settings.security().credentialsCacheTtl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.security().login()).isEqualTo(
        new HldPrepProperties.Login(20, 10, Duration.ofMinutes(10), Duration.ofDays(30)));
    assertThat(settings.admin().user()).isEmpty();
    assertThat(settings.breakglass().password()).isEmpty();
    assertThat(settings.history()).isEqualTo(new HldPrepProperties.History("01:00", "05:00", null));
    assertThat(settings.engine().taskQuerySemiJoin()).isTrue();
    assertThat(settings.mail().publicBaseUrl()).isEqualTo("http://localhost:8080");
    assertThat(settings.mail().from()).isEqualTo("hld-prep@localhost");
    assertThat(settings.mail().folder()).isNull();
    assertThat(settings.mail().defaultTimeZone()).isEqualTo(ZoneId.of("Europe/Zurich"));
    assertThat(settings.mail().escalationAfterDays()).isEqualTo(7);
    assertThat(settings.mail().digest().hour()).isEqualTo(7);
    assertThat(settings.mail().worker().pollMillis()).isEqualTo(2000);
  }

  @Test
  void theEnvironmentVariablesOfTheOperationsPageStillBind() {
    HldPrepProperties settings = bind(Map.of("HLDPREP_ADMIN_USER", " ops-admin ", "HLDPREP_ADMIN_PASSWORD", "p",
        "HLDPREP_SECURITY_CREDENTIALSCACHETTL", "0s", "HLDPREP_ENGINE_TASKQUERYSEMIJOIN", "false",
        "HLDPREP_HISTORY_CLEANUPWINDOWSTART", "02:30", "HLDPREP_HISTORY_TIMETOLIVEDAYS", "400",
        "HLDPREP_MAIL_DEFAULTTIMEZONE", "Asia/Manila", "HLDPREP_MAIL_DIGEST_HOUR", "6",
        "HLDPREP_SECURITY_ALLOWEDORIGINS", "https://a.example, https://b.example"), Map.of());
    assertThat(settings.admin().user()).isEqualTo("ops-admin");
    assertThat(settings.security().credentialsCacheTtl()).isZero();
    assertThat(settings.engine().taskQuerySemiJoin()).isFalse();
    assertThat(settings.history().cleanupWindowStart()).isEqualTo("02:30");
    assertThat(settings.history().timeToLiveDays()).isEqualTo(400);
    assertThat(settings.mail().defaultTimeZone()).isEqualTo(ZoneId.of("Asia/Manila"));
    assertThat(settings.mail().digest().hour()).isEqualTo(6);
    assertThat(settings.security().allowedOrigins()).isEqualTo(List.of("https://a.example", "https://b.example"));
  }

  @Test
  void aValueOutOfRangeStopsTheStartNamingTheSetting() {
    assertThatThrownBy(() -> bind(Map.of(), Map.of("hldprep.mail.digest.hour", "24")))
        .isInstanceOf(BindException.class).hasMessageContaining("hldprep");
    assertThatThrownBy(() -> bind(Map.of(), Map.of("hldprep.history.cleanup-window-end", "5 am")))
        .isInstanceOf(BindException.class);
    assertThatThrownBy(() -> bind(Map.of(), Map.of("hldprep.security.login.failures-per-account", "0")))
        .isInstanceOf(BindException.class);
  }

  @Test
  void singleSignOnIsOffByDefaultAndTakesTheVariablesOfTheSecurityPage() {
    assertThat(bind(Map.of(), Map.of()).sso().enabled()).isFalse();
    HldPrepProperties.Sso sso = bind(Map.of("HLDPREP_SSO_ISSUER_URI", "https://login.example.org/realms/iom",
        "HLDPREP_SSO_CLIENT_ID", "hld-prep", "HLDPREP_SSO_CLIENT_SECRET", "s3cret", "HLDPREP_SSO_GROUPS_CLAIM",
        "roles", "HLDPREP_SSO_GROUPS_PREFIX", "hldprep-"),
        Map.of("hldprep.sso.groups.map[IOM HLD administrators]",
            "camunda-admin"))
        .sso();
    assertThat(sso.enabled()).isTrue();
    assertThat(sso.issuer().uri()).isEqualTo("https://login.example.org/realms/iom");
    assertThat(sso.client().id()).isEqualTo("hld-prep");
    assertThat(sso.client().toString()).doesNotContain("s3cret");
    assertThat(sso.expectedAudience()).isEqualTo("hld-prep");
    assertThat(sso.userNameClaim()).isEqualTo("preferred_username");
    assertThat(sso.groups().claim()).isEqualTo("roles");
    assertThat(sso.groups().prefix()).isEqualTo("hldprep-");
    assertThat(sso.groups().map()).containsEntry("IOM HLD administrators", "camunda-admin");
    assertThatThrownBy(() -> bind(Map.of("HLDPREP_SSO_ISSUER_URI", "https://login.example.org/realms/iom"),
        Map.of())).isInstanceOf(BindException.class).hasStackTraceContaining("HLDPREP_SSO_CLIENT_ID");
  }
}
