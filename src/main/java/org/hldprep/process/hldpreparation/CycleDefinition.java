package org.hldprep.process.hldpreparation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hldprep.process.CycleCalendar;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.Rcp;
import org.hldprep.reference.ReferenceData;

/**
 * What one cycle covers, checked against the reference data: the participating Member States and
 * RCPs (all of them when none are named), the Regional Offices that write syntheses, and the full
 * calendar. Accepts lists, JSON arrays and comma-separated text, as REST clients and the Tasklist
 * start form send them. Bad values raise an exception naming them.
 */
public record CycleDefinition(String cycle, List<String> memberStates, List<String> rcps, List<String> regionalOffices,
    Map<String, String> calendar) {

  public static CycleDefinition of(String cycle, Object memberStates, Object rcps, Map<String, ?> dates,
      ReferenceData referenceData) {
    Map<String, String> calendar = CycleCalendar.resolve(dates);
    List<String> states = codes(memberStates).stream().map(c -> referenceData.requireMemberState(c).iso3()).distinct()
        .toList();
    if (states.isEmpty()) {
      states = referenceData.memberStates().stream().map(MemberState::iso3).toList();
    }
    List<String> rcpCodes = codes(rcps).stream().map(c -> referenceData.requireRcp(c).code()).distinct().toList();
    if (rcpCodes.isEmpty()) {
      rcpCodes = referenceData.rcps().stream().map(Rcp::code).toList();
    }
    List<String> offices = new ArrayList<>(new TreeSet<>(states.stream()
        .map(s -> referenceData.requireMemberState(s).regionalOffice()).toList()));
    String name = cycle == null || cycle.isBlank() ? "HLD" + calendar.get(CycleCalendar.HLD_DATE).substring(0, 4)
        : cycle.trim();
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9-]{0,39}")) {
      throw new IllegalArgumentException("Cycle name '" + name + "' must be letters, digits and hyphens, e.g. HLD2013");
    }
    return new CycleDefinition(name, states, rcpCodes, offices, calendar);
  }

  /** Codes from a list, a JSON array text or comma/space separated text; blank means none. */
  static List<String> codes(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> collection) {
      return collection.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
    String text = value.toString().trim();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    LinkedHashSet<String> codes = new LinkedHashSet<>();
    for (String part : text.split("[,;\\s]+")) {
      String code = part.replace("\"", "").trim();
      if (!code.isEmpty()) {
        codes.add(code);
      }
    }
    return List.copyOf(codes);
  }
}
