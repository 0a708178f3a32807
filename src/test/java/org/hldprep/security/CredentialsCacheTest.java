package org.hldprep.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.hldprep.engine.CredentialsCache;
import org.hldprep.engine.IdentityChangePlugin;
import org.hldprep.security.sso.PasswordLoginOffException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * REST logins are remembered for a short while, and forgotten as soon as the password, the user's
 * groups or the account change through the engine; wrong passwords always reach the engine, which
 * counts them.
 */
class CredentialsCacheTest {

  private static ProcessEngine engine;
  private static IdentityService identity;
  private static CamundaIdentityAuthenticationProvider provider;

  @BeforeAll
  static void engine() {
    CredentialsCache cache = new CredentialsCache(Duration.ofMinutes(10), 100);
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("credentials-cache-test");
    configuration.setJdbcUrl("jdbc:h2:mem:credentials-cache-test;DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.setDbMetricsReporterActivate(false);
    configuration.setDmnEnabled(false);
    configuration.setLoginMaxAttempts(3);
    configuration.setGeneralResourceWhitelistPattern(org.hldprep.routing.GroupIds.ID_WHITELIST_PATTERN);
    configuration.getProcessEnginePlugins().add(new IdentityChangePlugin(cache));
    engine = configuration.buildProcessEngine();
    identity = engine.getIdentityService();
    provider = new CamundaIdentityAuthenticationProvider(() -> identity, new org.hldprep.security.login.LoginThrottle(
        new org.hldprep.security.login.LoginThrottle.Limit(1000, java.time.Duration.ofMinutes(10)),
        new org.hldprep.security.login.LoginThrottle.Limit(1000, java.time.Duration.ofMinutes(10)),
        java.time.Duration.ofDays(1)), cache, user -> !user.startsWith("sso-"));
    for (String id : new String[]{"co-phl", "ro-bangkok"}) {
      Group group = identity.newGroup(id);
      identity.saveGroup(group);
    }
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void aRememberedLoginDoesNotAskTheDatabaseAgain() throws Exception {
    user("cache-hit", "first-password-1");
    assertThat(groups(login("cache-hit", "first-password-1"))).containsExactly("co-phl");
    // Gone behind the engine's back (as if changed on another node): the login is still remembered.
    try (Connection connection = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDataSource().getConnection();
        PreparedStatement delete = connection.prepareStatement("delete from ACT_ID_MEMBERSHIP where USER_ID_ = ?")) {
      delete.setString(1, "cache-hit");
      delete.executeUpdate();
    }
    assertThat(groups(login("cache-hit", "first-password-1"))).containsExactly("co-phl");
  }

  @Test
  void aChangedPasswordEndsTheOldOneAtOnce() {
    user("changing", "old-password-1");
    login("changing", "old-password-1");
    User user = identity.createUserQuery().userId("changing").singleResult();
    user.setPassword("new-password-2");
    identity.saveUser(user);

    // New first: after a failure the engine delays the next attempt (loginDelayBase).
    assertThat(login("changing", "new-password-2").getName()).isEqualTo("changing");
    assertThatThrownBy(() -> login("changing", "old-password-1")).isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void changedGroupsCountAtOnce() {
    user("moving", "moving-password-1");
    assertThat(groups(login("moving", "moving-password-1"))).containsExactly("co-phl");
    identity.createMembership("moving", "ro-bangkok");
    assertThat(groups(login("moving", "moving-password-1"))).containsExactlyInAnyOrder("co-phl", "ro-bangkok");
    identity.deleteMembership("moving", "co-phl");
    assertThat(groups(login("moving", "moving-password-1"))).containsExactly("ro-bangkok");
  }

  @Test
  void aDeletedUserCannotLogInWithARememberedPassword() {
    user("leaving", "leaving-password-1");
    login("leaving", "leaving-password-1");
    identity.deleteUser("leaving");
    assertThatThrownBy(() -> login("leaving", "leaving-password-1")).isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void wrongPasswordsAreNeverRememberedAndAlwaysCounted() {
    user("guessed", "right-password-1");
    login("guessed", "right-password-1");
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> login("guessed", "wrong-password")).isInstanceOf(BadCredentialsException.class);
    }
    assertThat(identity.checkPassword("guessed", "right-password-1")).as("locked after three failures").isFalse();
  }

  @Test
  void underSingleSignOnOnlyTheAdministratorsOfTheEnvironmentUsePasswords() {
    // "sso-" stands here for an account that signs in through the provider: its right password is refused.
    user("sso-staff", "right-password-1");
    assertThatThrownBy(() -> login("sso-staff", "right-password-1")).isInstanceOf(PasswordLoginOffException.class)
        .hasMessageContaining("single sign-on");
    assertThat(identity.checkPassword("sso-staff", "right-password-1")).as("nothing counted against it").isTrue();
  }

  private static void user(String id, String password) {
    User user = identity.newUser(id);
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(id, "co-phl");
  }

  private static Authentication login(String user, String password) {
    return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
  }

  private static java.util.List<String> groups(Authentication authentication) {
    return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }
}
