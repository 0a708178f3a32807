package org.hldprep.cycle;

import static org.hldprep.process.hldpreparation.RecordHldOutcomeDelegate.LINK_REGEX;
import static org.hldprep.process.hldpreparation.RecordHldOutcomeDelegate.UN_SYMBOL_REGEX;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hldprep.platform.input.InputLimits;
import org.hldprep.process.cebhlcppaper.CebHlcpPaperProcess;
import org.hldprep.process.counciljointstatement.CouncilJointStatementProcess;
import org.hldprep.process.hldpreparation.HldPreparationProcess;
import org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess;
import org.hldprep.process.rcpcontribution.RcpContributionProcess;

/**
 * An event a client sends to a cycle over {@code /api} ({@code POST /api/cycles/{cycle}/messages/<record
 * name>}): one record per event, each field checked before anything is sent (a 400 naming the field); the
 * step that receives it checks the same again in the correlation's transaction. Who may send which event,
 * and which instance receives it, is in {@link CycleEvents}.
 */
public sealed interface CycleEvent {

  int MAX = InputLimits.MAX_TEXT;
  String TOO_LONG = "may be at most {max} characters long";
  /** The values are compared as sent, spaces around them aside. */
  String LINK = "\\s*" + LINK_REGEX + "\\s*";
  String NOT_A_LINK = "must be an http(s) address";
  String UN_SYMBOL = "\\s*" + UN_SYMBOL_REGEX + "\\s*";
  String NOT_A_UN_SYMBOL = "must be a UN document symbol such as A/RES/68/4";
  String HLCP_OUTCOMES = "\\s*(" + CebHlcpPaperProcess.HLCP_OUTCOME_WELCOMED + "|"
      + CebHlcpPaperProcess.HLCP_OUTCOME_CHANGES_REQUESTED + ")\\s*";
  String NOT_HLCP = "must be one of " + CebHlcpPaperProcess.HLCP_OUTCOME_CHANGES_REQUESTED + ", "
      + CebHlcpPaperProcess.HLCP_OUTCOME_WELCOMED;
  String CEB_DECISIONS = "\\s*(" + CebHlcpPaperProcess.CEB_DECISION_ENDORSED + "|"
      + CebHlcpPaperProcess.CEB_DECISION_NOT_ENDORSED + ")\\s*";
  String NOT_CEB = "must be one of " + CebHlcpPaperProcess.CEB_DECISION_ENDORSED + ", "
      + CebHlcpPaperProcess.CEB_DECISION_NOT_ENDORSED;
  String NOT_A_CALENDAR = "must be an object of calendar dates, e.g. \\{\"hldDate\": \"2013-10-03\"\\}";

  /** The message name the waiting instance correlates on. */
  String message();

  /** The variables it carries to that instance: the fields given, under their own names. */
  Map<String, Object> variables();

  private static Map<String, Object> given(Object... namesAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return variables;
  }

  /**
   * An objection to the Council's joint statement under silence. A Permanent Mission objects for its own
   * country; the Council secretariat records one received by note verbale, naming the country and the note.
   */
  @Schema(description = "An objection to the Council's joint statement under silence. A Permanent Mission"
      + " (pm-<iso3>) objects for its own country; the Council secretariat (iom-icp-gb) records one received by"
      + " note verbale: objectingCountry (ISO alpha-3) and noteVerbaleReference are then required (a mission's"
      + " are ignored).")
  record ObjectionRaised(
      @NotBlank @Size(max = MAX, message = TOO_LONG) String objectionText,
      @Schema(example = "KEN") @Size(max = MAX, message = TOO_LONG) String objectingCountry,
      @Schema(example = "NV/KEN/41") @Size(max = MAX, message = TOO_LONG) String noteVerbaleReference,
      @Schema(example = "1", description = "The number of the silence the objection concerns: required while a"
          + " text is under silence, left out otherwise (the objection is then a comment on the draft)") @Min(1) Integer objectedSilence)
      implements
        CycleEvent {

    @Override
    public String message() {
      return CouncilJointStatementProcess.MESSAGE_OBJECTION_RAISED;
    }

    @Override
    public Map<String, Object> variables() {
      return given(CouncilJointStatementProcess.OBJECTION_TEXT, objectionText,
          CouncilJointStatementProcess.OBJECTED_SILENCE, objectedSilence);
    }
  }

  @Schema(description = "An RCP's input arrived (the RCP unit, iom-icp-rcp)")
  record RcpInputReceived(
      @Schema(example = "puebla-process") @NotBlank @Size(max = MAX, message = TOO_LONG) String rcpCode,
      @NotBlank @Size(max = MAX, message = TOO_LONG) String rcpInputLink,
      @Size(max = MAX, message = TOO_LONG) String rcpInputSummary) implements CycleEvent {

    @Override
    public String message() {
      return RcpContributionProcess.MESSAGE_RCP_INPUT_RECEIVED;
    }

    @Override
    public Map<String, Object> variables() {
      return given(RcpContributionProcess.RCP_CODE, rcpCode, RcpContributionProcess.RCP_INPUT_LINK, rcpInputLink,
          RcpContributionProcess.RCP_INPUT_SUMMARY, rcpInputSummary);
    }
  }

  @Schema(description = "A new draft of the outcome document was circulated (iom-slo-nyc, iom-icp)")
  record OutcomeDraftCirculated(
      @Schema(example = "rev.1") @NotBlank @Size(max = MAX, message = TOO_LONG) String draftLabel,
      @NotBlank @Size(max = MAX, message = TOO_LONG) String draftLink) implements CycleEvent {

    @Override
    public String message() {
      return PgaOutcomeInputProcess.MESSAGE_DRAFT_CIRCULATED;
    }

    @Override
    public Map<String, Object> variables() {
      return given(PgaOutcomeInputProcess.DRAFT_LABEL, draftLabel, PgaOutcomeInputProcess.DRAFT_LINK, draftLink);
    }
  }

  @Schema(description = "The outcome document was adopted (iom-slo-nyc, iom-icp)")
  record OutcomeAdopted(
      @Schema(example = "A/RES/68/4") @NotBlank @Size(max = MAX, message = TOO_LONG) String outcomeSymbol)
      implements
        CycleEvent {

    @Override
    public String message() {
      return PgaOutcomeInputProcess.MESSAGE_OUTCOME_ADOPTED;
    }

    @Override
    public Map<String, Object> variables() {
      return given(PgaOutcomeInputProcess.OUTCOME_SYMBOL, outcomeSymbol);
    }
  }

  @Schema(description = "Moves the pending dates of the calendar (iom-icp), checked as at the start:"
      + " calendarChanges maps calendar keys to ISO dates; replay true moves dates into the past, as a replay of a"
      + " past year does")
  record CalendarChanged(@NotEmpty(message = NOT_A_CALENDAR) Map<String, String> calendarChanges, Boolean replay)
      implements
        CycleEvent {

    @Override
    public String message() {
      return HldPreparationProcess.MESSAGE_CALENDAR_CHANGED;
    }

    /** The changes as sent; {@link CycleEvents} checks them against the running cycle first. */
    @Override
    public Map<String, Object> variables() {
      return given(HldPreparationProcess.CALENDAR_CHANGES, calendarChanges,
          HldPreparationProcess.CALENDAR_CHANGE_REPLAY, replay);
    }
  }

  @Schema(description = "HLCP took up the cycle's CEB/HLCP paper (iom-icp-ip, iom-icp)")
  record HlcpOutcomeReceived(
      @NotBlank @Pattern(regexp = HLCP_OUTCOMES, message = NOT_HLCP) String hlcpOutcome,
      @Size(max = MAX, message = TOO_LONG) String hlcpComments,
      @Size(max = MAX, message = TOO_LONG) @Pattern(regexp = LINK, message = NOT_A_LINK) String hlcpReportLink)
      implements
        CycleEvent {

    @Override
    public String message() {
      return CebHlcpPaperProcess.MESSAGE_HLCP_OUTCOME_RECEIVED;
    }

    @Override
    public Map<String, Object> variables() {
      return given(CebHlcpPaperProcess.HLCP_OUTCOME, hlcpOutcome, CebHlcpPaperProcess.HLCP_COMMENTS, hlcpComments,
          CebHlcpPaperProcess.HLCP_REPORT_LINK, hlcpReportLink);
    }
  }

  @Schema(description = "The CEB decided on the cycle's paper (iom-icp-ip, iom-icp)")
  record CebDecisionReceived(
      @NotBlank @Pattern(regexp = CEB_DECISIONS, message = NOT_CEB) String cebDecision,
      @Size(max = MAX, message = TOO_LONG) @Pattern(regexp = LINK, message = NOT_A_LINK) String cebReportLink)
      implements
        CycleEvent {

    @Override
    public String message() {
      return CebHlcpPaperProcess.MESSAGE_CEB_DECISION_RECEIVED;
    }

    @Override
    public Map<String, Object> variables() {
      return given(CebHlcpPaperProcess.CEB_DECISION, cebDecision, CebHlcpPaperProcess.CEB_REPORT_LINK,
          cebReportLink);
    }
  }

  @Schema(description = "The Dialogue is over: its outcome (iom-slo-nyc, iom-icp), awaited from the opening of the"
      + " HLD until councilReportStartDate")
  record HldConcluded(
      @NotBlank @Pattern(regexp = UN_SYMBOL, message = NOT_A_UN_SYMBOL) String hldOutcomeSymbol,
      @Size(max = MAX, message = TOO_LONG) String hldOutcomeTitle,
      @Size(max = MAX, message = TOO_LONG) @Pattern(regexp = LINK, message = NOT_A_LINK) String hldOutcomeLink)
      implements
        CycleEvent {

    @Override
    public String message() {
      return HldPreparationProcess.MESSAGE_HLD_CONCLUDED;
    }

    @Override
    public Map<String, Object> variables() {
      return given(HldPreparationProcess.HLD_OUTCOME_SYMBOL, hldOutcomeSymbol, HldPreparationProcess.HLD_OUTCOME_TITLE,
          hldOutcomeTitle, HldPreparationProcess.HLD_OUTCOME_LINK, hldOutcomeLink);
    }
  }
}
