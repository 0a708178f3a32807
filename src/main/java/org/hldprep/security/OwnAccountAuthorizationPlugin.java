package org.hldprep.security;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * A new user may read their own account, no more. Camunda's default grants every new user ALL on it
 * (change the profile, the password, delete it); in HLD Prep only administrators change accounts.
 * Existing self-grants are cut down to READ at start-up by IdentityBootstrap.
 */
@Component
public class OwnAccountAuthorizationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new ReadOwnAccountOnly());
  }

  static class ReadOwnAccountOnly extends DefaultAuthorizationProvider {
    @Override
    public AuthorizationEntity[] newUser(User user) {
      return new AuthorizationEntity[] {
          createGrantAuthorization(user.getId(), null, Resources.USER, user.getId(), Permissions.READ)};
    }
  }
}
