package org.hldprep.engine;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Keeps the {@link CredentialsCache} honest: the engine's own identity provider (users, groups and
 * memberships in its tables; the Admin webapp, the REST API and IdentityService all write through it)
 * drops a user's cached logins when their password or account changes, they join or leave a group, or
 * they are deleted, and drops every login when a group is deleted. Dropped at once and again after the
 * commit, so that a login checked in between cannot keep the old state.
 */
public class IdentityChangePlugin extends AbstractProcessEnginePlugin {

  private final CredentialsCache recentLogins;

  public IdentityChangePlugin(CredentialsCache recentLogins) {
    this.recentLogins = recentLogins;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return InvalidatingIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new InvalidatingIdentityProvider(recentLogins);
      }
    });
  }

  /** Camunda's database identity provider, telling the cache what changed. */
  static class InvalidatingIdentityProvider extends DbIdentityServiceProvider {

    private final CredentialsCache recentLogins;

    InvalidatingIdentityProvider(CredentialsCache recentLogins) {
      this.recentLogins = recentLogins;
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
      forget(user.getId());
      return super.saveUser(user);
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
      forget(userId);
      return super.deleteUser(userId);
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
      forget(userId);
      return super.createMembership(userId, groupId);
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
      forget(userId);
      return super.deleteMembership(userId, groupId);
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
      recentLogins.invalidateAll();
      Context.getCommandContext().getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, context -> recentLogins.invalidateAll());
      return super.deleteGroup(groupId);
    }

    private void forget(String userId) {
      recentLogins.invalidateUser(userId);
      Context.getCommandContext().getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, context -> recentLogins.invalidateUser(userId));
    }
  }
}
