package org.hldprep.cycle;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.MEMBER_STATES;
import static org.hldprep.process.hldpreparation.HldPreparationProcess.RCPS;
import static org.hldprep.process.hldpreparation.HldPreparationProcess.REGIONAL_OFFICES;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.process.JsonVariables;

/**
 * Where a cycle stands, as its master instance records it: running or ended, since when, in which time
 * zone, with which participants, calendar, tallies and counters. Read by {@link CycleStatusReader}; the
 * cycle's API and the progress board both start from it.
 *
 * @param variables the master's status variables as plain values (JSON objects as maps and lists)
 */
public record CycleStatus(String cycle, String processInstanceId, Date startTime, Date endTime, ZoneId zone,
    Map<String, Object> variables) {

  public static final String RUNNING = "running";
  public static final String ENDED = "ended";

  public boolean running() {
    return endTime == null;
  }

  /** {@value #RUNNING} or {@value #ENDED}. */
  public String state() {
    return running() ? RUNNING : ENDED;
  }

  public Object variable(String name) {
    return variables.get(name);
  }

  public LocalDate hldDate() {
    return date(CycleCalendar.HLD_DATE);
  }

  /** The first date a calendar key holds (the round tables list several), null if unset or not a date. */
  public LocalDate date(String calendarKey) {
    List<LocalDate> dates = dates(calendarKey);
    return dates.isEmpty() ? null : dates.get(0);
  }

  /** Every date a calendar key holds, as days in the cycle's zone; those that are no date are left out. */
  public List<LocalDate> dates(String calendarKey) {
    Object value = variables.get(calendarKey);
    List<LocalDate> dates = new ArrayList<>();
    if (value instanceof Date instant) {
      dates.add(LocalDate.ofInstant(instant.toInstant(), zone));
    } else if (value != null) {
      for (String text : value.toString().split(",")) {
        String day = text.trim();
        try {
          dates.add(LocalDate.parse(day.length() > 10 ? day.substring(0, 10) : day));
        } catch (DateTimeParseException e) {
          // not a date: no deadline to count down to
        }
      }
    }
    return dates;
  }

  /** The calendar as the master keeps it: calendar key to ISO date (a list of dates for the round tables). */
  public Map<String, Object> calendar() {
    Map<String, Object> calendar = new LinkedHashMap<>();
    CycleCalendar.keys().stream().filter(variables::containsKey).forEach(k -> calendar.put(k, variables.get(k)));
    return calendar;
  }

  /** Whether the cycle replays a past year (its dates may lie in the past). */
  public boolean replay() {
    Object replay = variables.get(CycleCalendar.REPLAY);
    return Boolean.TRUE.equals(replay) || "true".equals(String.valueOf(replay));
  }

  public List<String> memberStates() {
    return JsonVariables.strings(variables.get(MEMBER_STATES));
  }

  public List<String> rcps() {
    return JsonVariables.strings(variables.get(RCPS));
  }

  public List<String> regionalOffices() {
    return JsonVariables.strings(variables.get(REGIONAL_OFFICES));
  }

  /** A tally of the master (code to outcome), empty while nothing is tallied. */
  public Map<String, String> outcomes(String tally) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    JsonVariables.map(variables.get(tally)).forEach((code, outcome) -> outcomes.put(code, String.valueOf(outcome)));
    return outcomes;
  }
}
