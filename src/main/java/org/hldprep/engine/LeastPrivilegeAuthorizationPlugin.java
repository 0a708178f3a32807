package org.hldprep.engine;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The grants Camunda makes by itself, cut to what HLD Prep's people need:
 * <ul>
 *   <li>a task's candidates get {@code TASK_WORK} (claim, complete), not {@code UPDATE} (which also lets
 *       them assign, delegate and rewrite the task); its assignee also {@code TASK_ASSIGN}, to release it;</li>
 *   <li>the grant a user got as a task's assignee or owner is revoked once they no longer are (Camunda
 *       leaves it, so someone a task was handed to once could still read and complete it);</li>
 *   <li>a new user may read their own account, no more (Camunda grants ALL on it; only administrators
 *       change accounts here; older self-grants are cut down at start-up by IdentityBootstrap).</li>
 * </ul>
 */
@Component
public class LeastPrivilegeAuthorizationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDefaultUserPermissionForTask(TaskPermissions.TASK_WORK);
    configuration.setResourceAuthorizationProvider(new LeastPrivilegeProvider());
  }

  static class LeastPrivilegeProvider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newUser(User user) {
      return new AuthorizationEntity[]{
          createGrantAuthorization(user.getId(), null, Resources.USER, user.getId(), Permissions.READ)};
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
      revokeIfNoLongerHolding(task, oldAssignee, newAssignee, task.getOwner());
      AuthorizationEntity[] grants = super.newTaskAssignee(task, oldAssignee, newAssignee);
      // The holder may release the task (Camunda's unclaim needs TASK_ASSIGN); handing it to someone else
      // is refused by the engine API guard (TaskHandOverRule).
      for (AuthorizationEntity grant : grants == null ? new AuthorizationEntity[0] : grants) {
        grant.addPermission(TaskPermissions.TASK_ASSIGN);
      }
      return grants;
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
      revokeIfNoLongerHolding(task, oldOwner, newOwner, task.getAssignee());
      return super.newTaskOwner(task, oldOwner, newOwner);
    }

    private void revokeIfNoLongerHolding(Task task, String previous, String next, String otherRole) {
      if (previous == null || previous.equals(next) || previous.equals(otherRole) || isCandidateUser(task, previous)) {
        return;
      }
      getAuthorizationManager().deleteAuthorizationsByResourceIdAndUserId(Resources.TASK, task.getId(), previous);
    }

    private static boolean isCandidateUser(Task task, String userId) {
      return task instanceof TaskEntity entity && entity.getIdentityLinks().stream()
          .map(IdentityLinkEntity::getUserId).anyMatch(userId::equals);
    }
  }
}
