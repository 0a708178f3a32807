package org.hldprep.security.sso;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.hldprep.security.sso.SsoIdentities.SsoIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the engine's copy of a person who signed in through the provider: name, e-mail and group
 * memberships as the provider sent them at this sign-in, and no password. Tasklist, the notifications and
 * the Admin webapp read people from the engine's identity tables; the provider stays the source: a group
 * the provider no longer sends is left at the next sign-in.
 */
final class StaffMirror {

  private static final Logger LOG = LoggerFactory.getLogger(StaffMirror.class);

  private final Supplier<IdentityService> identityService;

  StaffMirror(Supplier<IdentityService> identityService) {
    this.identityService = identityService;
  }

  void mirror(SsoIdentity identity, Map<String, Object> claims) {
    IdentityService identities = identityService.get();
    User user = identities.createUserQuery().userId(identity.userId()).singleResult();
    boolean created = user == null;
    if (created) {
      user = identities.newUser(identity.userId());
    }
    user.setFirstName(text(claims.get("given_name"), identity.userId()));
    user.setLastName(text(claims.get("family_name"), ""));
    user.setEmail(text(claims.get("email"), null));
    identities.saveUser(user);

    Set<String> current = new HashSet<>();
    identities.createGroupQuery().groupMember(identity.userId()).list().stream().map(Group::getId)
        .forEach(current::add);
    for (String group : identity.groups()) {
      if (!current.remove(group)) {
        identities.createMembership(identity.userId(), group);
      }
    }
    current.forEach(group -> identities.deleteMembership(identity.userId(), group));
    LOG.info("Signed in through the provider: {} ({}), groups {}{}", identity.userId(),
        created ? "new" : "known", identity.groups(), current.isEmpty() ? "" : ", left " + current);
  }

  private static String text(Object claim, String otherwise) {
    return claim == null || claim.toString().isBlank() ? otherwise : claim.toString().trim();
  }
}
