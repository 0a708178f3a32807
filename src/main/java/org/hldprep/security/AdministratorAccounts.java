package org.hldprep.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.hldprep.platform.config.MissingAdministratorFailureAnalyzer;
import org.hldprep.platform.settings.HldPrepProperties;
import org.hldprep.platform.settings.HldPrepProperties.Account;
import org.hldprep.routing.GroupIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The administrators that come from the environment, made at start-up before the web server opens:
 *
 * <ul>
 *   <li>the <b>first administrator</b> ({@code HLDPREP_ADMIN_USER}, {@code HLDPREP_ADMIN_PASSWORD}), outside
 *       demo mode: created when no administrator exists; an existing administrator is kept as is. With
 *       neither an administrator nor the variables, the application refuses to start.
 *   <li>the <b>break-glass administrator</b> ({@code HLDPREP_BREAKGLASS_USER}, {@code _PASSWORD}): a way back
 *       in that does not depend on the one administrator. While the variables are set, that account is
 *       created (or its password reset and any lock cleared) at every start and made a member of
 *       camunda-admin, and the log says so loudly. Remove the variables and restart once the way in is
 *       restored; the account then stays as it is (an administrator deletes it in Admin).
 * </ul>
 */
@Component
public class AdministratorAccounts implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(AdministratorAccounts.class);
  static final int MIN_PASSWORD_LENGTH = 12;

  private final IdentityService identityService;
  private final HldPrepProperties properties;
  private final Environment environment;

  public AdministratorAccounts(IdentityService identityService, IdentityBootstrap groupsFirst,
      HldPrepProperties properties, Environment environment) {
    this.identityService = identityService;
    this.properties = properties;
    this.environment = environment;
  }

  @Override
  public void afterPropertiesSet() {
    if (!environment.matchesProfiles("demo")) {
      firstAdministrator(properties.admin());
    }
    breakGlass(properties.breakglass());
  }

  /** The first administrator from {@code HLDPREP_ADMIN_*}, when no administrator exists. */
  void firstAdministrator(Account admin) {
    if (identityService.createUserQuery().memberOfGroup(GroupIds.ADMIN).count() > 0) {
      return;
    }
    if (admin.user().isEmpty() || admin.password().isEmpty()) {
      refuse("No administrator exists and none is given: set HLDPREP_ADMIN_USER and"
          + " HLDPREP_ADMIN_PASSWORD for the first start.");
    }
    if (admin.password().length() < MIN_PASSWORD_LENGTH) {
      refuse("HLDPREP_ADMIN_PASSWORD is too short: use at least " + MIN_PASSWORD_LENGTH + " characters.");
    }
    User user = identityService.createUserQuery().userId(admin.user()).singleResult();
    if (user == null) {
      administrator(admin, "HLD Prep");
    } else {
      // An existing account of that name becomes the administrator with its own password, as before.
      makeAdministrator(admin.user());
    }
    LOG.info("Administrator '{}' created from the environment", admin.user());
  }

  /** The break-glass administrator from {@code HLDPREP_BREAKGLASS_*}, when set: created or reset. */
  public void breakGlass(Account breakGlass) {
    if (breakGlass.user().isEmpty() && breakGlass.password().isEmpty()) {
      return;
    }
    if (breakGlass.user().isEmpty() || breakGlass.password().length() < MIN_PASSWORD_LENGTH) {
      refuse("HLDPREP_BREAKGLASS_USER and HLDPREP_BREAKGLASS_PASSWORD (at least " + MIN_PASSWORD_LENGTH
          + " characters) must be set together.");
    }
    administrator(breakGlass, "Break-glass");
    identityService.unlockUser(breakGlass.user());
    LOG.warn("""

        ************************************************************************************
        BREAK-GLASS ADMINISTRATOR '{}' IS ENABLED (password reset from HLDPREP_BREAKGLASS_*).
        Use it to restore access, then unset HLDPREP_BREAKGLASS_USER / _PASSWORD and restart.
        ************************************************************************************""",
        breakGlass.user());
  }

  /** The account with the given password (created with that first name when new), in camunda-admin. */
  private void administrator(Account account, String firstName) {
    User user = identityService.createUserQuery().userId(account.user()).singleResult();
    if (user == null) {
      user = identityService.newUser(account.user());
      user.setFirstName(firstName);
      user.setLastName("Administrator");
    }
    user.setPassword(account.password());
    identityService.saveUser(user);
    makeAdministrator(account.user());
  }

  private void makeAdministrator(String userId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(GroupIds.ADMIN).count() == 0) {
      identityService.createMembership(userId, GroupIds.ADMIN);
    }
  }

  private static void refuse(String message) {
    LOG.error(message);
    throw new MissingAdministratorException(message);
  }

  /** Start-up refused: reported by {@link MissingAdministratorFailureAnalyzer} without a stack trace. */
  public static class MissingAdministratorException extends IllegalStateException {
    public MissingAdministratorException(String message) {
      super(message);
    }
  }
}
