package org.hldprep.security.sso;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hldprep.platform.settings.HldPrepProperties;
import org.hldprep.routing.GroupIds;

/**
 * Who a token of the organisation's provider names, in HLD Prep's terms: the user id from the user name
 * claim and HLD Prep's groups from the groups claim, by this rule (docs/security.md, the group rule):
 * <ol>
 *   <li>a provider group listed in the group map becomes the group it names; the map is the only way to
 *       {@code camunda-admin}, so that no naming coincidence at the provider makes an administrator;</li>
 *   <li>any other name is read as its last path segment ({@code /HLD Prep/co-phl} is {@code co-phl}), the
 *       prefix cut, in lower case, and kept if it is one of HLD Prep's groups;</li>
 *   <li>every other group is ignored.</li>
 * </ol>
 * An identity without a usable user id or without any of HLD Prep's groups is refused, and so is one that
 * takes the id of a local administrator account.
 */
public final class SsoIdentities {

  private static final Pattern USER_ID = Pattern.compile(GroupIds.ID_WHITELIST_PATTERN);

  private final HldPrepProperties.Sso settings;
  private final Set<String> knownGroups;
  private final Set<String> localAccounts;

  /**
   * @param knownGroups HLD Prep's group ids
   * @param localAccounts the user ids that keep a password (the administrators of the environment)
   */
  public SsoIdentities(HldPrepProperties.Sso settings, Set<String> knownGroups, Set<String> localAccounts) {
    this.settings = settings;
    this.knownGroups = Set.copyOf(knownGroups);
    this.localAccounts = Set.copyOf(localAccounts);
  }

  /** The identity the claims name, or the reason it is refused. */
  public SsoIdentity of(Map<String, Object> claims) {
    Object name = claims.get(settings.userNameClaim());
    String userId = name == null ? "" : name.toString().trim();
    List<String> providerGroups = values(claims.get(settings.groups().claim()));
    List<String> groups = groups(providerGroups);
    String refusal = null;
    if (userId.isEmpty()) {
      refusal = "The provider sent no user name (claim '" + settings.userNameClaim() + "').";
    } else if (!USER_ID.matcher(userId).matches()) {
      refusal = "The user name '" + userId + "' is not an HLD Prep user id (lower-case letters, digits and"
          + " single hyphens, such as phl-officer).";
    } else if (localAccounts.contains(userId)) {
      refusal = "The user name '" + userId + "' belongs to a local administrator account of HLD Prep.";
    } else if (groups.isEmpty()) {
      refusal = providerGroups.isEmpty()
          ? "The provider sent no groups (claim '" + settings.groups().claim() + "')."
          : "None of your groups (" + String.join(", ", providerGroups) + ") is one of HLD Prep's groups.";
    }
    return new SsoIdentity(userId, groups, providerGroups, refusal);
  }

  public boolean isLocalAccount(String userId) {
    return localAccounts.contains(userId);
  }

  /** HLD Prep's groups for the provider's group names, sorted, by the rule above. */
  public List<String> groups(Collection<String> providerGroups) {
    Set<String> groups = new TreeSet<>();
    for (String providerGroup : providerGroups) {
      String mapped = settings.groups().map().get(providerGroup);
      if (mapped != null) {
        groups.add(mapped.trim());
        continue;
      }
      String name = providerGroup.substring(providerGroup.lastIndexOf('/') + 1);
      String prefix = settings.groups().prefix();
      if (!prefix.isEmpty() && name.regionMatches(true, 0, prefix, 0, prefix.length())) {
        name = name.substring(prefix.length());
      }
      name = name.toLowerCase(Locale.ROOT);
      if (knownGroups.contains(name) && !GroupIds.ADMIN.equals(name)) {
        groups.add(name);
      }
    }
    groups.retainAll(knownGroups);
    return List.copyOf(groups);
  }

  /** A claim as a list of strings: a JSON array, or one string of names separated by commas or spaces. */
  private static List<String> values(Object claim) {
    List<String> values = new ArrayList<>();
    if (claim instanceof Collection<?> items) {
      items.forEach(item -> values.add(String.valueOf(item).trim()));
    } else if (claim != null) {
      values.addAll(Arrays.asList(claim.toString().split("[,\\s]+")));
    }
    values.removeIf(String::isEmpty);
    return values;
  }

  /**
   * @param userId HLD Prep's user id
   * @param groups HLD Prep's groups
   * @param providerGroups the provider's group names, as sent
   * @param refusal why HLD Prep refuses this identity, or null
   */
  public record SsoIdentity(String userId, List<String> groups, List<String> providerGroups, String refusal) {
    public boolean refused() {
      return refusal != null;
    }
  }
}
