package org.hldprep.security.guard;

import java.util.function.BooleanSupplier;

/**
 * The webapps' first-run admin setup ({@code /camunda/api/admin/setup/**}) is closed whenever an
 * administrator or any user exists (CVE-2026-77226: Camunda counts only direct members of camunda-admin).
 */
public class AdminSetupRule implements EngineApiRule {

  static final String ADMIN_SETUP = "/camunda/api/admin/setup/";

  private final BooleanSupplier setupIsOver;

  public AdminSetupRule(BooleanSupplier setupIsOver) {
    this.setupIsOver = setupIsOver;
  }

  @Override
  public Refusal check(EngineApiCall call) {
    if (call.path().startsWith(ADMIN_SETUP) && setupIsOver.getAsBoolean()) {
      return Refusal.forbidden("The first-run admin setup is closed: an administrator already exists.");
    }
    return null;
  }
}
