package org.hldprep.security.sso;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.hldprep.support.Http;
import org.hldprep.support.Keycloak;
import org.hldprep.support.SsoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Systems under single sign-on: the provider's bearer tokens on /api and /engine-rest, passwords off. */
class SsoApiIT extends SsoIntegrationTest {

  private static final String INTEGRATION = "hld-prep-integration";
  private static final String INTEGRATION_SECRET = "integration-test-secret";

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  StaffPasswordsErased passwordsErased;

  private Http bearer(String token) {
    return Http.anonymous(port).withHeader("Authorization", "Bearer " + token);
  }

  @Test
  void aClientCredentialsTokenStartsACycleOverTheApi() {
    String token = Keycloak.get().clientToken(INTEGRATION, INTEGRATION_SECRET);
    Http system = bearer(token);
    Http.Response started = system.post("/api/cycles", Map.of("cycle", "HLD7001", "memberStates", List.of("PHL"),
        "calendar", Map.of("hldDate", LocalDate.now().plusMonths(14).toString())));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String master = started.json().get("processInstanceId").asText();
    try {
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(master).singleResult()
          .getStartUserId()).isEqualTo("service-account-hld-prep-integration");
      assertThat(system.get("/api/cycles/HLD7001").status()).isEqualTo(200);
      assertThat(system.get("/engine-rest/task/count").status()).as("the engine API takes the token too")
          .isEqualTo(200);
    } finally {
      runtimeService.deleteProcessInstance(master, "test finished", true, true);
    }
  }

  @Test
  void aForgedTokenIsRefused() throws Exception {
    String real = Keycloak.get().clientToken(INTEGRATION, INTEGRATION_SECRET);
    String[] parts = real.split("\\.");
    // The provider's signature over other claims: groups widened to the administrators.
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("\"iom-icp\"", "\"camunda-admin\"");
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    // Signed by a key of the forger's own, under the provider's key id.
    String kid = SignedJWT.parse(real).getHeader().getKeyID();
    RSAKey forgerKey = new RSAKeyGenerator(2048).keyID(kid).generate();
    SignedJWT selfSigned = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
        .keyID(kid).build(), JWTClaimsSet.parse(payload));
    selfSigned.sign(new RSASSASigner(forgerKey));
    // No signature at all.
    String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
    // Valid, but from the provider's client of another application (its audience is not HLD Prep).
    String otherAudience = Keycloak.get().clientToken("other-application", "other-test-secret");
    // A token of the same shape from another issuer.
    JWTClaimsSet otherIssuer = new JWTClaimsSet.Builder(JWTClaimsSet.parse(payload))
        .issuer("http://127.0.0.1:1/realms/elsewhere").expirationTime(new Date(System.currentTimeMillis() + 60000))
        .build();
    SignedJWT elsewhere = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), otherIssuer);
    elsewhere.sign(new RSASSASigner(forgerKey));

    for (String token : List.of(tampered, selfSigned.serialize(), unsigned, otherAudience, elsewhere.serialize(),
        "not-a-jwt")) {
      for (String path : List.of("/api/cycles/HLD7001", "/engine-rest/task/count")) {
        Http.Response refused = bearer(token).get(path);
        assertThat(refused.status()).as(path + " " + refused.body()).isEqualTo(401);
        assertThat(refused.headers().get("www-authenticate")).as("a Bearer challenge").anySatisfy(
            challenge -> assertThat(challenge).startsWith("Bearer"));
      }
    }
    assertThat(bearer(otherAudience).get("/engine-rest/task/count").body()).contains("audience");
    assertThat(Http.anonymous(port).get("/engine-rest/task/count").status()).isEqualTo(401);
  }

  @Test
  void passwordsAreOffButForTheLocalAdministrators() {
    Http.Response staff = Http.as(port, "phl-officer", "any-password").get("/engine-rest/task/count");
    assertThat(staff.status()).isEqualTo(401);
    assertThat(staff.json().get("message").asText()).contains("single sign-on");
    assertThat(Http.as(port, ADMIN, ADMIN_PASSWORD).get("/engine-rest/task/count").status()).isEqualTo(200);
    assertThat(Http.as(port, BREAK_GLASS, BREAK_GLASS_PASSWORD).get("/api/cycles").status()).isIn(200, 404);

    Http admin = Http.as(port, ADMIN, ADMIN_PASSWORD);
    Http.Response created = admin.post("/engine-rest/user/create", Map.of("profile", Map.of("id", "new-officer"),
        "credentials", Map.of("password", "a-long-enough-password")));
    assertThat(created.status()).as(created.body()).isEqualTo(403);
    assertThat(created.body()).contains("single sign-on");
    assertThat(identityService.createUserQuery().userId("new-officer").count()).isZero();
  }

  @Test
  void noStaffPasswordIsKept() {
    // A staff account with a password from before single sign-on (an administrator made it in Admin).
    identityService.saveUser(user("old-officer", "an-old-password-of-staff"));
    assertThat(identityService.checkPassword("old-officer", "an-old-password-of-staff")).isTrue();
    passwordsErased.afterSingletonsInstantiated();
    assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER where ID_ = 'old-officer' and PWD_ is null",
        Integer.class)).isEqualTo(1);
    Http.Response verify = Http.as(port, ADMIN, ADMIN_PASSWORD).post("/engine-rest/identity/verify",
        Map.of("username", "old-officer", "password", "an-old-password-of-staff"));
    assertThat(verify.status()).as(verify.body()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER where PWD_ is not null and ID_ not in (?, ?)",
        Integer.class, ADMIN, BREAK_GLASS)).isZero();
    assertThat(identityService.checkPassword(ADMIN, ADMIN_PASSWORD)).isTrue();
    assertThat(identityService.checkPassword(BREAK_GLASS, BREAK_GLASS_PASSWORD)).isTrue();
    identityService.deleteUser("old-officer");
  }

  private org.camunda.bpm.engine.identity.User user(String id, String password) {
    org.camunda.bpm.engine.identity.User user = identityService.newUser(id);
    user.setPassword(password);
    return user;
  }
}
