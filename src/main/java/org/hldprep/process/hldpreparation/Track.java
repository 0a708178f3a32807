package org.hldprep.process.hldpreparation;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.COMMISSION_OUTCOMES;
import static org.hldprep.process.hldpreparation.HldPreparationProcess.CONSULTATION_OUTCOMES;
import static org.hldprep.process.hldpreparation.HldPreparationProcess.RCP_OUTCOMES;
import static org.hldprep.process.hldpreparation.HldPreparationProcess.ROUNDTABLE_OUTCOMES;
import static org.hldprep.process.hldpreparation.HldPreparationProcess.TRACK_OUTCOMES;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.hldprep.process.cebhlcppaper.CebHlcpPaperProcess;
import org.hldprep.process.counciljointstatement.CouncilJointStatementProcess;
import org.hldprep.process.globalrcpmeeting.GlobalRcpMeetingProcess;
import org.hldprep.process.nationalconsultation.NationalConsultationProcess;
import org.hldprep.process.nyroundtable.NyRoundtableProcess;
import org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess;
import org.hldprep.process.rcpcontribution.RcpContributionProcess;
import org.hldprep.process.regionalcommissioninput.RegionalCommissionInputProcess;

/**
 * The tracks of a cycle: for each child process, what the master passes to it and where it tallies its
 * outcome. Every track has the same shape in the master (a sub-process around a call activity and
 * "Record the outcome"), and {@link TrackVariableMapping} and {@link RecordTrackOutcomeDelegate} read this
 * table, so adding a track is one entry here and one such sub-process in the model.
 *
 * @param processKey the child's process key
 * @param codeVariable the child's own code (ISO country, RCP), passed from the master's loop; null for
 *     single tracks. The tally never reads it back from the child: it keys by the child's business key.
 * @param tallyVariable the master's JSON object that holds the track's outcomes
 * @param calendarKeys the dates the child uses
 * @param settings optional start variables of the cycle the child also takes (bounds, windows)
 * @param ownDate the date the child keeps under a name of its own, or null
 */
public record Track(String processKey, String codeVariable, String tallyVariable, List<String> calendarKeys,
    List<String> settings, OwnDate ownDate) {

  /**
   * A date of the cycle calendar that a child keeps under a name of its own: a commission's meeting date
   * ({@code ecaMeetingDate}, ...) as {@code meetingDate}, the n-th of {@code roundtableDates} as a round
   * table's {@code eventDate}. The one place that says how: the master passes it at the start
   * ({@link TrackVariableMapping}) and a CalendarChanged of its calendar date reaches the running child
   * ({@link MoveDeadlinesDelegate}).
   *
   * @param variable the child's variable
   * @param childKey the child's variable that says which date is its own (its commission, its number)
   * @param fromCalendar the child's date in a calendar (calendar key to value), given its childKey's value
   */
  public record OwnDate(String variable, String childKey, BiFunction<Map<String, ?>, Object, String> fromCalendar) {
  }

  public Track(String processKey, String codeVariable, String tallyVariable, List<String> calendarKeys,
      List<String> settings) {
    this(processKey, codeVariable, tallyVariable, calendarKeys, settings, null);
  }

  public static final Track NATIONAL_CONSULTATION = new Track(NationalConsultationProcess.KEY,
      NationalConsultationProcess.COUNTRY_CODE, CONSULTATION_OUTCOMES, NationalConsultationProcess.CALENDAR_KEYS,
      List.of(NationalConsultationProcess.MAX_REVIEW_RETURNS, NationalConsultationProcess.REOPENED));
  public static final Track RCP_CONTRIBUTION = new Track(RcpContributionProcess.KEY, RcpContributionProcess.RCP_CODE,
      RCP_OUTCOMES, RcpContributionProcess.CALENDAR_KEYS, List.of());
  public static final Track GLOBAL_RCP_MEETING = new Track(GlobalRcpMeetingProcess.KEY, null, TRACK_OUTCOMES,
      GlobalRcpMeetingProcess.CALENDAR_KEYS, List.of(GlobalRcpMeetingProcess.MAX_COMMENT_ROUNDS));
  public static final Track COUNCIL_JOINT_STATEMENT = new Track(CouncilJointStatementProcess.KEY, null, TRACK_OUTCOMES,
      CouncilJointStatementProcess.CALENDAR_KEYS, CouncilJointStatementProcess.SETTINGS);
  public static final Track PGA_OUTCOME_INPUT = new Track(PgaOutcomeInputProcess.KEY, null, TRACK_OUTCOMES,
      PgaOutcomeInputProcess.CALENDAR_KEYS, List.of(PgaOutcomeInputProcess.MAX_CLEARANCE_RETURNS));

  public static final Track CEB_HLCP_PAPER = new Track(CebHlcpPaperProcess.KEY, null, TRACK_OUTCOMES,
      CebHlcpPaperProcess.CALENDAR_KEYS, List.of(CebHlcpPaperProcess.MAX_CLEARANCE_RETURNS,
          CebHlcpPaperProcess.MAX_HLCP_REVISIONS));
  /** One child per date of roundtableDates, numbered in the master's loop; its code is roundtable-yyyy-mm-dd. */
  public static final Track NY_ROUNDTABLE = new Track(NyRoundtableProcess.KEY, NyRoundtableProcess.ROUNDTABLE,
      ROUNDTABLE_OUTCOMES, NyRoundtableProcess.CALENDAR_KEYS, List.of(), new OwnDate(NyRoundtableProcess.EVENT_DATE,
          NyRoundtableProcess.ROUNDTABLE_NUMBER, NyRoundtableProcess::eventDate));
  public static final Track REGIONAL_COMMISSION_INPUT = new Track(RegionalCommissionInputProcess.KEY,
      RegionalCommissionInputProcess.COMMISSION_CODE, COMMISSION_OUTCOMES, RegionalCommissionInputProcess.CALENDAR_KEYS,
      List.of(),
      new OwnDate(RegionalCommissionInputProcess.MEETING_DATE, RegionalCommissionInputProcess.COMMISSION_CODE,
          RegionalCommissionInputProcess::meetingDate));

  public static final List<Track> ALL = List.of(NATIONAL_CONSULTATION, RCP_CONTRIBUTION, GLOBAL_RCP_MEETING,
      COUNCIL_JOINT_STATEMENT, PGA_OUTCOME_INPUT, CEB_HLCP_PAPER, NY_ROUNDTABLE, REGIONAL_COMMISSION_INPUT);

  /** The track of a child process key. */
  public static Track of(String processKey) {
    return ALL.stream().filter(t -> t.processKey().equals(processKey)).findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("No track runs the process '" + processKey + "': expected one of "
                + Arrays.toString(ALL.stream().map(Track::processKey).toArray())));
  }

  /** The track of a running child, by its process definition id (key:version:id); null for none. */
  public static Track ofDefinition(String processDefinitionId) {
    String key = processDefinitionId.substring(0, processDefinitionId.indexOf(':'));
    return ALL.stream().filter(t -> t.processKey().equals(key)).findFirst().orElse(null);
  }

  /** Whether this track runs one child per participant (country, RCP, event, commission) rather than one per cycle. */
  public boolean perParticipant() {
    return codeVariable != null;
  }

  /**
   * The tally key of a child: its business key without the cycle's prefix (HLD2013-PHL → PHL,
   * HLD2013-global-rcp-meeting → global-rcp-meeting).
   */
  public static String code(String cycle, String businessKey) {
    String prefix = cycle + "-";
    return businessKey != null && businessKey.startsWith(prefix) ? businessKey.substring(prefix.length()) : businessKey;
  }
}
