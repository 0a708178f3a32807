package org.hldprep.security.guard;

import java.util.regex.Pattern;

/**
 * Accounts, groups, tenants and authorizations change only by administrators: a user cannot edit, rename,
 * re-password or delete their own account (Camunda grants every user ALL on their own user otherwise).
 * Covers {@code /engine-rest} and the Admin webapp's copy of the API alike.
 */
public class AccountChangesRule implements EngineApiRule {

  private static final Pattern IDENTITY = Pattern.compile("^/(user|group|tenant|authorization)(/.*)?$");

  @Override
  public Refusal check(EngineApiCall call) {
    if (call.isEngineApi() && call.isWrite() && !call.isAdmin() && IDENTITY.matcher(call.enginePath()).matches()) {
      return Refusal.forbidden("Only members of camunda-admin may create, change or delete users, groups,"
          + " tenants and authorizations, your own account included; ask an administrator.");
    }
    return null;
  }
}
