package org.hldprep.calendar;

import static org.hldprep.calendar.CycleCalendar.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hldprep.platform.input.InputParser;
import org.hldprep.platform.input.InvalidInputException;

/**
 * The order the dates of a cycle must keep: within each track, and against the Dialogue (every date
 * before it but its own end and the report to the Council).
 */
final class CycleCalendarOrder {

  /** Pairs that must come in this order: (earlier, later, may they fall on the same day). */
  private record Order(String earlier, String later, boolean sameDayAllowed) {
  }

  private static final List<Order> ORDER = new ArrayList<>();

  /** The dates that come after the start of the Dialogue; every other date must come before it. */
  private static final Set<String> AFTER_THE_HLD = Set.of(HLD_END_DATE, COUNCIL_REPORT_START_DATE,
      COUNCIL_REPORT_DEADLINE);

  static {
    // Within each track (issue 8 §2).
    chain(GOVERNMENT_RESPONSE_DEADLINE, GOVERNMENT_FINAL_DEADLINE, ARRANGEMENTS_DEADLINE, NATIONAL_SUMMARY_DEADLINE,
        REVIEW_DEADLINE, REGIONAL_SYNTHESIS_DEADLINE, GLOBAL_SYNTHESIS_DEADLINE);
    chain(SUMMARY_REMINDER_DATE, NATIONAL_SUMMARY_DEADLINE);
    chain(REVIEW_DEADLINE, REGIONAL_SYNTHESIS_START_DATE);
    ORDER.add(new Order(REGIONAL_SYNTHESIS_START_DATE, REGIONAL_SYNTHESIS_DEADLINE, true));
    chain(RCP_CONTACT_DEADLINE, RCP_INPUT_DEADLINE, RCP_MEETING_DATE, RCP_MEETING_SUMMARY_DEADLINE,
        RCP_COMMENT_DEADLINE);
    chain(RCP_INPUT_REMINDER_DATE, RCP_INPUT_DEADLINE);
    chain(RCP_CONCEPT_NOTE_DEADLINE, RCP_INVITATION_DEADLINE, RCP_MEETING_DATE);
    chain(FOTC_CONSTITUTION_DEADLINE, ZERO_DRAFT_DEADLINE, FINAL_TEXT_DEADLINE, ENDORSEMENT_DEADLINE,
        TRANSMITTAL_DEADLINE);
    chain(FINAL_TEXT_DEADLINE, SPECIAL_SESSION_DATE);
    ORDER.add(new Order(SPECIAL_SESSION_DATE, ENDORSEMENT_DEADLINE, true));
    chain(OUTCOME_FORMAT_DEADLINE, PGA_INPUT_DEADLINE);
    chain(BRIEFING_PACK_DATE, BRIEFING_APPROVAL_DEADLINE, HLD_DATE);
    ORDER.add(new Order(HLD_DATE, HLD_END_DATE, true));
    chain(HLD_END_DATE, COUNCIL_REPORT_START_DATE);
    ORDER.add(new Order(COUNCIL_REPORT_START_DATE, COUNCIL_REPORT_DEADLINE, true));
    chain(HLCP_COMMENT_DEADLINE, HLCP_SUBMISSION_DEADLINE, HLCP_SESSION_DATE, CEB_SESSION_DATE, CEB_PAPER_LAUNCH_DATE);
    ORDER.add(new Order(CEB_PAPER_LAUNCH_DATE, HLD_DATE, true));
    chain(ROUNDTABLE_DATES, ROUNDTABLE_SERIES_REPORT_START_DATE);
    ORDER.add(new Order(ROUNDTABLE_SERIES_REPORT_START_DATE, ROUNDTABLE_SERIES_REPORT_DATE, true));
    chain(DG_STATEMENT_START_DATE, DG_STATEMENT_DEADLINE);
    // Against the Dialogue: everything before it but its own end and the report to the Council.
    for (String key : CycleCalendarDefinitions.keys()) {
      if (!key.equals(HLD_DATE) && !AFTER_THE_HLD.contains(key) && !key.equals(CEB_PAPER_LAUNCH_DATE)
          && !key.equals(BRIEFING_APPROVAL_DEADLINE)) {
        ORDER.add(new Order(key, HLD_DATE, false));
      }
    }
  }

  private CycleCalendarOrder() {
  }

  private static void chain(String... keys) {
    for (int i = 1; i < keys.length; i++) {
      ORDER.add(new Order(keys[i - 1], keys[i], false));
    }
  }

  /** See {@link CycleCalendar#check}. */
  static void check(Map<String, String> calendar) {
    List<String> problems = new ArrayList<>();
    for (Order order : ORDER) {
      String earlierValue = calendar.get(order.earlier());
      String laterValue = calendar.get(order.later());
      if (earlierValue == null || laterValue == null) {
        continue;
      }
      LocalDate earlier = last(earlierValue);
      LocalDate later = first(laterValue);
      boolean ok = order.sameDayAllowed() ? !earlier.isAfter(later) : earlier.isBefore(later);
      if (!ok) {
        problems.add(order.later() + " (" + laterValue + ") must come " + (order.sameDayAllowed() ? "on or " : "")
            + "after " + order.earlier() + " (" + earlierValue + ")");
      }
    }
    String roundtables = calendar.get(ROUNDTABLE_DATES);
    if (roundtables != null) {
      List<LocalDate> dates = InputParser.dates(ROUNDTABLE_DATES, roundtables);
      for (int i = 1; i < dates.size(); i++) {
        if (!dates.get(i - 1).isBefore(dates.get(i))) {
          problems.add(ROUNDTABLE_DATES + " must list the round tables in order: " + dates.get(i) + " comes after "
              + dates.get(i - 1));
        }
      }
    }
    refuse(problems);
  }

  private static void refuse(List<String> problems) {
    refuse(problems, "");
  }

  static void refuse(List<String> problems, String advice) {
    if (problems.isEmpty()) {
      return;
    }
    int shown = Math.min(problems.size(), 6);
    String message = "The calendar does not hold together: " + String.join("; ", problems.subList(0, shown))
        + (problems.size() > shown ? "; and " + (problems.size() - shown) + " more" : "") + advice;
    throw new InvalidInputException(message);
  }
}
