package org.hldprep.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Authorization checks without a scan of the whole authorization table per command. Before each
 * check, Camunda 7 narrows the caller's groups to those that hold any authorization, and learns which
 * those are with {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}, once per command: a table
 * that grows by a row for every open task and candidate group (camunda/camunda-bpm-platform#5485). Every
 * check then only compares {@code GROUP_ID_} with the narrowed list, so a group without authorizations
 * matches nothing either way: passing the caller's groups as they are gives the same answers without
 * the scan. HLD Prep's users belong to one or two groups, so the lists stay short.
 */
public class CallerGroupsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    // Custom session factories replace the engine's own of the same session type.
    configuration.getCustomSessionFactories().add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new CallerGroupsAuthorizationManager();
      }
    });
  }

  /** Camunda's authorization manager, minus the narrowing of the caller's groups. */
  static class CallerGroupsAuthorizationManager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return List.of();
      }
      return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
  }
}
