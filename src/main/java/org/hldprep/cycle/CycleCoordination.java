package org.hldprep.cycle;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.hldprep.engine.EngineCaller;
import org.hldprep.platform.api.ForbiddenException;
import org.hldprep.process.hldpreparation.HldPreparationProcess;
import org.hldprep.routing.GroupIds;
import org.springframework.stereotype.Component;

/** Who may start and change cycles: whoever may start the master process (HLD coordination). */
@Component
class CycleCoordination {

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  CycleCoordination(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  /** Who may not start a cycle hears so first (403), before any check of what they sent. */
  void requireMayChangeCycles() {
    if (!EngineCaller.isAuthorized(identityService, authorizationService, Permissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, HldPreparationProcess.KEY)) {
      throw new ForbiddenException("Only HLD coordination (group " + GroupIds.ICP + ") may start or change cycles");
    }
  }
}
