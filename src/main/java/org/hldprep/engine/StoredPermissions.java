package org.hldprep.engine;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/** An authorization's permissions as the engine stores them, one bit each. */
public final class StoredPermissions {

  private StoredPermissions() {
  }

  /** The stored bit mask: equal before and after a change when the change grants or revokes nothing. */
  public static int of(Authorization authorization) {
    return ((AuthorizationEntity) authorization).getPermissions();
  }
}
