package org.hldprep.process.counciljointstatement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hldprep.reference.IomMembership;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.ReferenceData;

/**
 * A request for a special session by Member States (Rule 2(a)): which of the requesters were IOM Member
 * States on the day it was received, and whether they are one third of the membership of that day, as the
 * reference data knows it (iom-membership.csv). Where the data does not say whether some states were members
 * on that day, one third lies between a third of the known members and a third of them all: a request is in
 * order only when it reaches the upper bound, since the Rules count the whole membership.
 *
 * @param requesters the distinct codes given, upper case
 * @param members the requesters that were Member States on the day
 * @param refused each requester that was not (or of whom the data does not say), with why
 * @param knownMembers the Member States on the day
 * @param unknownMembership the states of which the data does not say
 */
public record MembersRequest(LocalDate receivedOn, List<String> requesters, List<String> members, List<String> refused,
    int knownMembers, int unknownMembership) {

  /** At least this many requesters: a third of the known members, rounded up. */
  public int oneThirdAtLeast() {
    return ceilThird(knownMembers);
  }

  /** At most this many: a third of the known members and of those the data does not know, rounded up. */
  public int oneThirdAtMost() {
    return ceilThird(knownMembers + unknownMembership);
  }

  /** Why the request does not meet Rule 2(a), or null. */
  public String problem() {
    List<String> problems = new ArrayList<>();
    if (!refused.isEmpty()) {
      problems.add("only IOM Member States on " + receivedOn + " count for a special session: " + String.join("; ",
          refused));
    }
    int count = members.size();
    if (count < oneThirdAtLeast()) {
      problems.add(count + " Member States requested the special session, fewer than one third of the "
          + knownMembers + (unknownMembership > 0 ? " known" : "") + " Member States on " + receivedOn
          + " (Rule 2(a): at least " + oneThirdAtLeast() + ")");
    } else if (count < oneThirdAtMost()) {
      problems.add(count + " Member States requested the special session: one third of the " + knownMembers
          + " known Member States on " + receivedOn + " (" + oneThirdAtLeast() + "), but the reference data does"
          + " not say whether " + unknownMembership + " other states were members that day, and with them one"
          + " third could be up to " + oneThirdAtMost() + ": the secretariat should confirm their membership"
          + " (iom-membership.csv), or more requests are needed");
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  private static int ceilThird(int n) {
    return (n + 2) / 3;
  }

  /** The request as the reference data reads it on the day it was received. */
  public static MembersRequest of(List<String> codes, LocalDate receivedOn, ReferenceData referenceData) {
    Set<String> requesters = new LinkedHashSet<>();
    codes.forEach(code -> requesters.add(code.trim().toUpperCase(java.util.Locale.ROOT)));
    List<String> members = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (String code : requesters) {
      MemberState state = referenceData.memberState(code).orElse(null);
      if (state == null) {
        refused.add("'" + code + "' is not an ISO 3166-1 alpha-3 code of a Member State of the reference data");
        continue;
      }
      IomMembership.Answer answer = referenceData.iomMembership(code).on(receivedOn);
      switch (answer.status()) {
        case MEMBER -> members.add(code);
        case NOT_MEMBER ->
          refused.add(state.name() + " (" + code + ") was not a Member State (" + answer.basis() + ")");
        default -> refused.add("the reference data does not say whether " + state.name() + " (" + code
            + ") was a Member State (" + answer.basis() + ")");
      }
    }
    int known = 0;
    int unknown = 0;
    for (MemberState state : referenceData.memberStates()) {
      switch (referenceData.iomMembership(state.iso3()).on(receivedOn).status()) {
        case MEMBER -> known++;
        case UNKNOWN -> unknown++;
        default -> {
        }
      }
    }
    return new MembersRequest(receivedOn, List.copyOf(requesters), members, refused, known, unknown);
  }
}
