package org.hldprep.process.hldpreparation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.calendar.Deadlines;
import org.hldprep.platform.input.InputParser;
import org.hldprep.platform.input.InvalidInputException;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.Rcp;
import org.hldprep.reference.ReferenceData;

/**
 * What one cycle covers, checked against the reference data and the calendar's rules: the participating
 * Member States and RCPs (all of them when none are named), the Regional Offices that write syntheses,
 * the full calendar (given dates over the defaults that follow the HLD, in order, and none already past
 * unless the cycle replays a past year) and its time zone. Accepts lists, JSON arrays and comma-separated
 * text, as REST clients and the Tasklist start form send them. Bad values raise an exception naming them.
 */
public record CycleDefinition(String cycle, List<String> memberStates, List<String> rcps, List<String> regionalOffices,
    Map<String, String> calendar, Set<String> givenDates, ZoneId timeZone, boolean replay) {

  /** Letters, digits and hyphens, e.g. HLD2013: the prefix of every child's business key. */
  public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9-]{0,39}";

  /**
   * @param dates any map holding calendar dates (other names are ignored)
   * @param today today in the engine's clock, to refuse dates already past
   */
  public static CycleDefinition of(String cycle, Object memberStates, Object rcps, Map<String, ?> dates,
      Object timeZone, Object replay, ReferenceData referenceData,
      java.util.function.Function<ZoneId, LocalDate> today) {
    ZoneId zone = Deadlines.zone(timeZone);
    boolean isReplay = !InputParser.blank(replay) && InputParser.flag(CycleCalendar.REPLAY, replay);
    Map<String, String> calendar = CycleCalendar.resolve(dates);
    CycleCalendar.check(calendar);
    if (!isReplay) {
      CycleCalendar.checkNotPast(calendar, calendar.keySet(), today.apply(zone));
    }
    List<String> states = InputParser.codes(memberStates).stream().map(c -> referenceData.requireMemberState(c).iso3())
        .distinct().toList();
    if (states.isEmpty()) {
      states = referenceData.memberStates().stream().map(MemberState::iso3).toList();
    }
    List<String> rcpCodes = InputParser.codes(rcps).stream().map(c -> referenceData.requireRcp(c).code()).distinct()
        .toList();
    if (rcpCodes.isEmpty()) {
      rcpCodes = referenceData.rcps().stream().map(Rcp::code).toList();
    }
    List<String> offices = new ArrayList<>(new TreeSet<>(states.stream()
        .map(s -> referenceData.requireMemberState(s).regionalOffice()).toList()));
    String name = InputParser.blank(cycle)
        ? "HLD" + calendar.get(CycleCalendar.HLD_DATE).substring(0, 4)
        : cycle.trim();
    if (!name.matches(NAME_PATTERN)) {
      throw new InvalidInputException("Cycle name '" + name + "' must be letters, digits and hyphens, e.g. HLD2013");
    }
    return new CycleDefinition(name, states, rcpCodes, offices, calendar, CycleCalendar.givenKeys(dates), zone,
        isReplay);
  }
}
