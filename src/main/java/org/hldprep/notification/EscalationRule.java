package org.hldprep.notification;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.ReferenceData;
import org.hldprep.routing.GroupIds;
import org.springframework.stereotype.Component;

/**
 * Who is put in copy of a task that is long overdue: the office above the one that holds it.
 * <ul>
 *   <li>a field office's task (a {@code co-*} or {@code ro-*} candidate group) about a country: the
 *       Regional Office covering that country (reference data, never a process variable);</li>
 *   <li>a field office's task about an RCP: the Regional Office of the office serving the RCP (itself
 *       when it is a Regional Office, the covering one when it is a Country Office);</li>
 *   <li>any other task (headquarters), and a Regional Office's own task: HLD coordination
 *       ({@code iom-icp}).</li>
 * </ul>
 * Nobody is put in copy of their own task: when the office above already holds the task, a field task
 * goes to {@code iom-icp}, and {@code iom-icp}'s own tasks go to nobody.
 */
@Component
public class EscalationRule {

  private final ReferenceData referenceData;
  private final Map<String, String> groupNames;

  public EscalationRule(ReferenceData referenceData) {
    this.referenceData = referenceData;
    this.groupNames = GroupIds.contractGroups(referenceData);
  }

  public Optional<String> coveringGroup(Collection<String> candidateGroups, String countryCode, String rcpCode) {
    boolean fieldTask = candidateGroups.stream().anyMatch(g -> g.startsWith("co-") || g.startsWith("ro-"));
    String covering = GroupIds.ICP;
    if (fieldTask && countryCode != null) {
      covering = referenceData.memberState(countryCode).map(MemberState::regionalOffice).orElse(GroupIds.ICP);
    } else if (fieldTask && rcpCode != null) {
      covering = referenceData.rcp(rcpCode).map(r -> regionalOfficeOf(r.servingOffice())).orElse(GroupIds.ICP);
    }
    if (candidateGroups.contains(covering)) {
      covering = GroupIds.ICP;
    }
    return candidateGroups.contains(covering) ? Optional.empty() : Optional.of(covering);
  }

  /** A readable name of a group ("Regional Office Bangkok (Asia and the Pacific)"). */
  public String name(String group) {
    return groupNames.getOrDefault(group, group);
  }

  private String regionalOfficeOf(String office) {
    if (office == null || office.isBlank()) {
      return GroupIds.ICP;
    }
    if (office.startsWith("ro-")) {
      return office;
    }
    if (office.startsWith("co-")) {
      return referenceData.memberState(office.substring(3).toUpperCase(Locale.ROOT))
          .map(MemberState::regionalOffice).orElse(GroupIds.ICP);
    }
    return GroupIds.ICP;
  }
}
