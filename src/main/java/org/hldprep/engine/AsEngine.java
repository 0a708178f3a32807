package org.hldprep.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reads or acts as the engine itself, without the caller's authorizations, and restores the caller after:
 * for services that have already checked the caller's groups themselves (the progress board, the cycle
 * API) and must then see every instance of a cycle.
 */
public final class AsEngine {

  private AsEngine() {}

  public static <T> T call(IdentityService identityService, Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
