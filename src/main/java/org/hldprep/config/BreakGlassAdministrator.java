package org.hldprep.config;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.hldprep.assignment.GroupIds;
import org.hldprep.assignment.IdentityBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A way back in that does not depend on the one administrator: when {@code HLDPREP_BREAKGLASS_USER} and
 * {@code HLDPREP_BREAKGLASS_PASSWORD} are set, that account is created (or its password reset and any
 * lock cleared) at start-up and made a member of camunda-admin, and the log says so loudly at every start.
 * Remove the variables and restart once the way in is restored; the account then stays as it is (an
 * administrator deletes it in Admin). With the variables unset nothing happens.
 */
@Component
public class BreakGlassAdministrator implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(BreakGlassAdministrator.class);
  static final int MIN_PASSWORD_LENGTH = 12;

  private final IdentityService identityService;
  private final String user;
  private final String password;

  public BreakGlassAdministrator(IdentityService identityService, IdentityBootstrap groupsFirst,
      @Value("${hldprep.breakglass.user:}") String user, @Value("${hldprep.breakglass.password:}") String password) {
    this.identityService = identityService;
    this.user = user.trim();
    this.password = password;
  }

  @Override
  public void afterPropertiesSet() {
    if (user.isEmpty() && password.isEmpty()) {
      return;
    }
    if (user.isEmpty() || password.length() < MIN_PASSWORD_LENGTH) {
      String message = "HLDPREP_BREAKGLASS_USER and HLDPREP_BREAKGLASS_PASSWORD (at least " + MIN_PASSWORD_LENGTH
          + " characters) must be set together.";
      LOG.error(message);
      throw new AdminAccount.MissingAdministratorException(message);
    }
    User account = identityService.createUserQuery().userId(user).singleResult();
    if (account == null) {
      account = identityService.newUser(user);
      account.setFirstName("Break-glass");
      account.setLastName("Administrator");
    }
    account.setPassword(password);
    identityService.saveUser(account);
    identityService.unlockUser(user);
    if (identityService.createUserQuery().userId(user).memberOfGroup(GroupIds.ADMIN).count() == 0) {
      identityService.createMembership(user, GroupIds.ADMIN);
    }
    LOG.warn("""

        ************************************************************************************
        BREAK-GLASS ADMINISTRATOR '{}' IS ENABLED (password reset from HLDPREP_BREAKGLASS_*).
        Use it to restore access, then unset HLDPREP_BREAKGLASS_USER / _PASSWORD and restart.
        ************************************************************************************""", user);
  }
}
