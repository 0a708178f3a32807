package org.hldprep.engine;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Work under another identity than the caller's, which is restored after (also when the work fails or set
 * an identity of its own): the one place the engine's current authentication is saved and restored.
 *
 * <ul>
 *   <li>{@link #call}: as the engine itself, without the caller's authorizations, for services that have
 *       already checked the caller's groups themselves (the progress board, the cycle API, the form guard)
 *       and must then see every instance of a cycle;
 *   <li>{@link #callAs}: as a given user and groups, e.g. to see what that user may see.
 * </ul>
 */
public final class AsEngine {

  private AsEngine() {
  }

  /** The work as the engine: no authentication, so no authorization checks. */
  public static <T> T call(IdentityService identityService, Supplier<T> work) {
    return callAs(identityService, null, work);
  }

  /** The work as {@code userId} with {@code groups}. */
  public static <T> T callAs(IdentityService identityService, String userId, List<String> groups, Supplier<T> work) {
    return callAs(identityService, new Authentication(userId, groups), work);
  }

  private static <T> T callAs(IdentityService identityService, Authentication identity, Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      if (identity != null) {
        identityService.setAuthentication(identity);
      }
      return work.get();
    } finally {
      identityService.clearAuthentication();
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
