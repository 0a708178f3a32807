package org.hldprep.process.hldpreparation;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.CONSULTATION_OUTCOMES;
import static org.hldprep.process.hldpreparation.HldPreparationProcess.RCP_OUTCOMES;
import static org.hldprep.process.hldpreparation.HldPreparationProcess.TRACK_OUTCOMES;

import java.util.Arrays;
import java.util.List;
import org.hldprep.process.counciljointstatement.CouncilJointStatementProcess;
import org.hldprep.process.globalrcpmeeting.GlobalRcpMeetingProcess;
import org.hldprep.process.nationalconsultation.NationalConsultationProcess;
import org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess;
import org.hldprep.process.rcpcontribution.RcpContributionProcess;

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
 */
public record Track(String processKey, String codeVariable, String tallyVariable, List<String> calendarKeys,
    List<String> settings) {

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

  public static final List<Track> ALL = List.of(NATIONAL_CONSULTATION, RCP_CONTRIBUTION, GLOBAL_RCP_MEETING,
      COUNCIL_JOINT_STATEMENT, PGA_OUTCOME_INPUT);

  /** The track of a child process key. */
  public static Track of(String processKey) {
    return ALL.stream().filter(t -> t.processKey().equals(processKey)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No track runs the process '" + processKey + "': expected one of "
            + Arrays.toString(ALL.stream().map(Track::processKey).toArray())));
  }

  /** Whether this track runs one child per participant (country, RCP) rather than one per cycle. */
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
