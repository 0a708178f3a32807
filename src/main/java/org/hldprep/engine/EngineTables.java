package org.hldprep.engine;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;

/**
 * The engine's table names as the engine reports them (its table prefix included), for the few reads
 * that the engine's API can only make one row at a time.
 */
public final class EngineTables {

  private EngineTables() {
  }

  /** The table of tasks' identity links (candidate groups and users): {@code ACT_RU_IDENTITYLINK}. */
  public static String identityLinks(ManagementService managementService) {
    return managementService.getTableName(IdentityLinkEntity.class);
  }
}
