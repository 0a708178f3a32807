package org.hldprep.engine;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The caller as the engine sees it (its current authentication), asked about its rights before any work. */
public final class EngineCaller {

  private EngineCaller() {
  }

  /** Whether the current caller holds the permission; true when the engine itself works (nobody authenticated). */
  public static boolean isAuthorized(IdentityService identityService, AuthorizationService authorizationService,
      Permission permission, Resource resource, String resourceId) {
    Authentication caller = identityService.getCurrentAuthentication();
    return caller == null || authorizationService.isUserAuthorized(caller.getUserId(), caller.getGroupIds(),
        permission, resource, resourceId);
  }

  /** The current caller's user id, or null when the engine itself works (nobody authenticated). */
  public static String userId(IdentityService identityService) {
    Authentication caller = identityService.getCurrentAuthentication();
    return caller == null ? null : caller.getUserId();
  }

  /** The current caller's groups, or null when nobody is authenticated or the groups are not known. */
  public static java.util.List<String> groupIds(IdentityService identityService) {
    Authentication caller = identityService.getCurrentAuthentication();
    return caller == null ? null : caller.getGroupIds();
  }
}
