package org.hldprep.security.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hldprep.platform.settings.HldPrepProperties;
import org.junit.jupiter.api.Test;

/** The group rule of single sign-on (docs/security.md, step 3) and the identities it refuses. */
class SsoIdentitiesTest {

  private static final Set<String> KNOWN = Set.of("camunda-admin", "co-phl", "ro-bangkok", "iom-icp");

  private static SsoIdentities identities(String prefix, Map<String, String> map) {
    HldPrepProperties.Sso settings = new HldPrepProperties.Sso(new HldPrepProperties.Issuer("https://idp"),
        new HldPrepProperties.Client("hld-prep", "secret"), new HldPrepProperties.Groups("groups", prefix, map),
        "preferred_username", null);
    return new SsoIdentities(settings, KNOWN, Set.of("ops-admin"));
  }

  @Test
  void groupsNamedLikeHldPrepsCountAsTheyAreAndOthersAreIgnored() {
    assertThat(identities("", Map.of()).groups(List.of("co-phl", "/Offices/RO-Bangkok", "staff", "pm-phl")))
        .containsExactly("co-phl", "ro-bangkok");
  }

  @Test
  void thePrefixIsCutAndTheMapRenames() {
    SsoIdentities identities = identities("hldprep-", Map.of("ICP HLD team", "iom-icp"));
    assertThat(identities.groups(List.of("hldprep-co-phl", "ICP HLD team", "co-ken-typo"))).containsExactly("co-phl",
        "iom-icp");
  }

  @Test
  void onlyTheMapMakesAnAdministrator() {
    assertThat(identities("", Map.of()).groups(List.of("camunda-admin", "/camunda-admin"))).isEmpty();
    assertThat(identities("", Map.of("IOM HLD administrators", "camunda-admin"))
        .groups(List.of("IOM HLD administrators"))).containsExactly("camunda-admin");
  }

  @Test
  void aClaimMayBeOneStringOfNames() {
    assertThat(identities("", Map.of()).of(Map.of("preferred_username", "phl-officer", "groups", "co-phl, iom-icp"))
        .groups()).containsExactly("co-phl", "iom-icp");
  }

  @Test
  void refusesWithAReasonWhatHldPrepCannotLetIn() {
    SsoIdentities identities = identities("", Map.of());
    assertThat(identities.of(Map.of("preferred_username", "phl-officer", "groups", List.of("co-phl"))).refused())
        .isFalse();
    assertThat(identities.of(Map.of("preferred_username", "outsider", "groups", List.of("staff"))).refusal())
        .contains("None of your groups (staff)");
    assertThat(identities.of(Map.of("preferred_username", "outsider")).refusal()).contains("no groups");
    assertThat(identities.of(Map.of("groups", List.of("co-phl"))).refusal()).contains("no user name");
    assertThat(identities.of(Map.of("preferred_username", "J.Doe@iom.int", "groups", List.of("co-phl"))).refusal())
        .contains("not an HLD Prep user id");
    assertThat(identities.of(Map.of("preferred_username", "ops-admin", "groups", List.of("co-phl"))).refusal())
        .contains("local administrator");
  }
}
