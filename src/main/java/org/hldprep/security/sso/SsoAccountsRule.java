package org.hldprep.security.sso;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hldprep.security.guard.EngineApiCall;
import org.hldprep.security.guard.EngineApiRule;
import org.hldprep.security.guard.Refusal;

/**
 * Under single sign-on people are made at the organisation's provider, and HLD Prep stores no staff
 * password: nobody, administrators included, creates a user or sets a password through the engine API or
 * the Admin webapp, except the password of a local administrator account; and only those passwords can be
 * verified ({@code /identity/verify}).
 */
public class SsoAccountsRule implements EngineApiRule {

  private static final Pattern CREATE = Pattern.compile("^/user/create/?$");
  private static final Pattern CREDENTIALS = Pattern.compile("^/user/([^/]+)/credentials/?$");
  private static final Pattern VERIFY = Pattern.compile("^/identity/verify/?$");

  private final boolean enabled;
  private final Set<String> localAccounts;

  public SsoAccountsRule(boolean enabled, Set<String> localAccounts) {
    this.enabled = enabled;
    this.localAccounts = Set.copyOf(localAccounts);
  }

  @Override
  public Refusal check(EngineApiCall call) throws IOException {
    if (!enabled || !call.isEngineApi() || !call.isWrite()) {
      return null;
    }
    if (VERIFY.matcher(call.enginePath()).matches()) {
      // Only the local administrators have a password to verify (the engine fails on an account without one).
      JsonNode body = call.json();
      JsonNode user = body == null ? null : body.get("username");
      return user != null && localAccounts.contains(user.asText())
          ? null
          : Refusal.forbidden(SsoSecurity.PASSWORDS_OFF);
    }
    Matcher credentials = CREDENTIALS.matcher(call.enginePath());
    if (CREATE.matcher(call.enginePath()).matches()
        || credentials.matches() && !localAccounts.contains(credentials.group(1))) {
      return Refusal.forbidden("HLD Prep uses the organisation's single sign-on: people are added at the"
          + " provider (in one of HLD Prep's groups) and sign in there; HLD Prep keeps no password but those"
          + " of the local administrator accounts.");
    }
    return null;
  }
}
