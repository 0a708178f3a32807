package org.hldprep.config;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.hldprep.assignment.GroupIds;
import org.hldprep.assignment.IdentityBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside demo mode the first administrator comes from the environment ({@code HLDPREP_ADMIN_USER},
 * {@code HLDPREP_ADMIN_PASSWORD}); an existing administrator is kept as is. With neither, the
 * application refuses to start, before its web server opens.
 */
@Component
@Profile("!demo")
public class AdminAccount implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(AdminAccount.class);

  private final IdentityService identityService;
  private final String adminUser;
  private final String adminPassword;

  public AdminAccount(IdentityService identityService, IdentityBootstrap groupsFirst,
      @Value("${hldprep.admin.user:}") String adminUser, @Value("${hldprep.admin.password:}") String adminPassword) {
    this.identityService = identityService;
    this.adminUser = adminUser.trim();
    this.adminPassword = adminPassword;
  }

  @Override
  public void afterPropertiesSet() {
    if (identityService.createUserQuery().memberOfGroup(GroupIds.ADMIN).count() > 0) {
      return;
    }
    if (adminUser.isEmpty() || adminPassword.isEmpty()) {
      String message = "No administrator exists and none is given: set HLDPREP_ADMIN_USER and"
          + " HLDPREP_ADMIN_PASSWORD for the first start.";
      LOG.error(message);
      throw new MissingAdministratorException(message);
    }
    if (adminPassword.length() < 12) {
      String message = "HLDPREP_ADMIN_PASSWORD is too short: use at least 12 characters.";
      LOG.error(message);
      throw new MissingAdministratorException(message);
    }
    if (identityService.createUserQuery().userId(adminUser).count() == 0) {
      User user = identityService.newUser(adminUser);
      user.setFirstName("HLD Prep");
      user.setLastName("Administrator");
      user.setPassword(adminPassword);
      identityService.saveUser(user);
    }
    identityService.createMembership(adminUser, GroupIds.ADMIN);
    LOG.info("Administrator '{}' created from the environment", adminUser);
  }

  /** Start-up refused: reported by {@link MissingAdministratorFailureAnalyzer} without a stack trace. */
  public static class MissingAdministratorException extends IllegalStateException {
    public MissingAdministratorException(String message) {
      super(message);
    }
  }
}
