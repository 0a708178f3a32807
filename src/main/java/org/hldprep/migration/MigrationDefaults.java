package org.hldprep.migration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.spin.plugin.variable.SpinValues;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.process.MarkLateDelegate;
import org.hldprep.process.counciljointstatement.CouncilJointStatementProcess;
import org.hldprep.process.globalrcpmeeting.GlobalRcpMeetingProcess;
import org.hldprep.process.hldpreparation.HldPreparationProcess;
import org.hldprep.process.nationalconsultation.NationalConsultationProcess;
import org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess;
import org.hldprep.process.rcpcontribution.RcpContributionProcess;

/**
 * The variables a running instance lacks but its new version may use, with the values its start
 * listener would have given it, so that a migrated instance runs its new steps as if it had started on
 * the new version:
 * <ul>
 *   <li>dates of the cycle calendar the new model refers to: {@link CycleCalendar#resolve} over the dates
 *       the instance and the instances above it (a consultation's cycle) hold, so a new step falls due
 *       on the cycle's own date, not on a default;</li>
 *   <li>the counters, bounds and flags the start listeners of each process set (kept here beside the
 *       listeners' own constants: when a start listener gets a new variable, add its default here).</li>
 * </ul>
 * Variables the instance has are never changed.
 */
public final class MigrationDefaults {

  private static final Map<String, Map<String, Object>> START_DEFAULTS = Map.of(
      NationalConsultationProcess.KEY, Map.of(
          NationalConsultationProcess.MAX_REVIEW_RETURNS, NationalConsultationProcess.DEFAULT_MAX_REVIEW_RETURNS,
          NationalConsultationProcess.REVIEW_RETURNS, 0,
          MarkLateDelegate.LATE, false),
      RcpContributionProcess.KEY, Map.of(MarkLateDelegate.LATE, false),
      GlobalRcpMeetingProcess.KEY, Map.of(
          GlobalRcpMeetingProcess.MAX_COMMENT_ROUNDS, GlobalRcpMeetingProcess.DEFAULT_MAX_COMMENT_ROUNDS,
          GlobalRcpMeetingProcess.COMMENT_ROUNDS, 0,
          GlobalRcpMeetingProcess.MEETING_HOST, GlobalRcpMeetingProcess.DEFAULT_MEETING_HOST,
          GlobalRcpMeetingProcess.MEETING_VENUE, GlobalRcpMeetingProcess.DEFAULT_MEETING_VENUE,
          GlobalRcpMeetingProcess.MEETING_THEME, GlobalRcpMeetingProcess.DEFAULT_MEETING_THEME),
      CouncilJointStatementProcess.KEY, Map.of(
          CouncilJointStatementProcess.SILENCE_WINDOW, CouncilJointStatementProcess.DEFAULT_SILENCE_WINDOW,
          CouncilJointStatementProcess.READING_ROUND, 1L,
          CouncilJointStatementProcess.SILENCE_ROUND, 0L,
          CouncilJointStatementProcess.OBJECTION_COUNT, 0L,
          CouncilJointStatementProcess.OBJECTIONS, "[]",
          CouncilJointStatementProcess.READING_ROUNDS, "[]"),
      PgaOutcomeInputProcess.KEY, Map.of(
          PgaOutcomeInputProcess.MODALITIES_RESOLUTION, PgaOutcomeInputProcess.DEFAULT_MODALITIES_RESOLUTION,
          PgaOutcomeInputProcess.CLEARANCE_RETURNS, 0,
          PgaOutcomeInputProcess.DRAFTS_CIRCULATED, 0),
      HldPreparationProcess.KEY, Map.of(
          HldPreparationProcess.CONSULTATION_OUTCOMES, "{}",
          HldPreparationProcess.RCP_OUTCOMES, "{}",
          HldPreparationProcess.TRACK_OUTCOMES, "{}"));

  /** Defaults that the start listeners keep as JSON variables (lists, tallies). */
  private static final List<String> JSON_VARIABLES = List.of(CouncilJointStatementProcess.OBJECTIONS,
      CouncilJointStatementProcess.READING_ROUNDS, HldPreparationProcess.CONSULTATION_OUTCOMES,
      HldPreparationProcess.RCP_OUTCOMES, HldPreparationProcess.TRACK_OUTCOMES);

  private MigrationDefaults() {
  }

  /**
   * The variables to set on an instance migrated to a model.
   *
   * @param processKey the instance's process key
   * @param targetModelXml the new version's BPMN XML (calendar dates are set only if it refers to them)
   * @param own the instance's variables
   * @param above the variables of the instances above it, the outermost (the cycle) first
   * @throws IllegalArgumentException naming a date of the cycle that is not an ISO date
   */
  public static Map<String, Object> missing(String processKey, String targetModelXml, Map<String, Object> own,
      List<Map<String, Object>> above) {
    Map<String, Object> known = new LinkedHashMap<>();
    above.forEach(known::putAll);
    known.putAll(own);
    Map<String, Object> missing = new LinkedHashMap<>();
    CycleCalendar.resolve(known).forEach((key, date) -> {
      if (!own.containsKey(key) && refersTo(targetModelXml, key)) {
        missing.put(key, date);
      }
    });
    START_DEFAULTS.getOrDefault(processKey, Map.of()).forEach((name, value) -> {
      if (!own.containsKey(name)) {
        missing.put(name, value);
      }
    });
    return missing;
  }

  /** Whether a variable is one of the JSON defaults (to be stored as a JSON variable, not a string). */
  public static boolean isJson(String name) {
    return JSON_VARIABLES.contains(name);
  }

  /** The variables as typed values for the engine: JSON defaults as JSON variables. */
  public static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name,
        isJson(name) ? SpinValues.jsonValue(value.toString()).create() : value));
    return typed;
  }

  private static boolean refersTo(String xml, String variable) {
    return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(variable) + "(?![A-Za-z0-9_])").matcher(xml).find();
  }
}
