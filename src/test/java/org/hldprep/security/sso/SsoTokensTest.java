package org.hldprep.security.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hldprep.platform.settings.HldPrepProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** What a bearer token must be besides well signed: from the issuer, in time, for HLD Prep; who it names. */
class SsoTokensTest {

  private static final String ISSUER = "https://idp.example/realms/iom";
  private static final HldPrepProperties.Sso SETTINGS = new HldPrepProperties.Sso(
      new HldPrepProperties.Issuer(ISSUER), new HldPrepProperties.Client("hld-prep", "secret"),
      new HldPrepProperties.Groups("groups", "", Map.of()), "preferred_username", null);
  private static final SsoTokens TOKENS = new SsoTokens(SETTINGS,
      new SsoIdentities(SETTINGS, Set.of("iom-icp", "co-phl"), Set.of("ops-admin")));

  private static Jwt.Builder token() {
    Instant now = Instant.now();
    return Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).audience(List.of("hld-prep"))
        .issuedAt(now.minusSeconds(10)).expiresAt(now.plusSeconds(300)).claim("azp", "reporting-system");
  }

  @Test
  void aTokenFromTheIssuerInTimeForHldPrepIsValid() {
    assertThat(TOKENS.validator().validate(token().build()).hasErrors()).isFalse();
  }

  @Test
  void anExpiredTokenAnotherIssuersOrAnotherAudiencesIsNot() {
    OAuth2TokenValidator<Jwt> validator = TOKENS.validator();
    Instant past = Instant.now().minusSeconds(3600);
    assertThat(validator.validate(token().issuedAt(past.minusSeconds(300)).expiresAt(past).build()).hasErrors())
        .isTrue();
    assertThat(validator.validate(token().issuer("https://elsewhere.example").build()).hasErrors()).isTrue();
    assertThat(validator.validate(token().audience(List.of("account")).build()).getErrors())
        .anySatisfy(error -> assertThat(error.getDescription()).contains("audience"));
  }

  @Test
  void theCallerIsTheUserNameClaimWithTheGroupsOfTheRuleOrTheClient() {
    var system = TOKENS.authentication(token().claim("preferred_username", "service-account-reporting")
        .claim("groups", List.of("iom-icp", "other")).build());
    assertThat(system.getName()).isEqualTo("service-account-reporting");
    assertThat(system.getAuthorities()).extracting(Object::toString).containsExactly("iom-icp");
    assertThat(TOKENS.authentication(token().build()).getName()).isEqualTo("reporting-system");
  }
}
