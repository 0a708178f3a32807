package org.hldprep.cycle;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** What the cycle's API answers: records at the edge, so that the OpenAPI document names every field. */
public final class CycleAnswers {

  private CycleAnswers() {
  }

  @Schema(description = "A cycle just started, with its whole calendar")
  public record StartedCycle(
      @Schema(example = "HLD2030") String cycle,
      String processInstanceId,
      @Schema(description = "Number of Member States taking part") int memberStates,
      @Schema(description = "Number of RCPs taking part") int rcps,
      @Schema(description = "Regional Offices that write a synthesis") List<String> regionalOffices,
      @Schema(example = "Europe/Zurich") String timeZone,
      boolean replay,
      @Schema(description = "Every date of the calendar: calendar key to ISO date (a comma-separated list for"
          + " roundtableDates)") Map<String, String> calendar) {
  }

  @Schema(description = "A cycle as the caller may see it, with its tallies; a value not yet recorded is left out")
  public record CycleState(
      String cycle,
      String processInstanceId,
      @Schema(allowableValues = {
          "running", "ended"}) String state,
      Date startTime,
      Date endTime,
      @Schema(description = "Outcome of each national consultation, by ISO alpha-3 code") Map<String, String> consultationOutcomes,
      @Schema(description = "Outcome of each RCP contribution, by RCP code") Map<String, String> rcpOutcomes,
      @Schema(description = "Outcome of each single track, by process key") Map<String, String> trackOutcomes,
      @Schema(description = "Outcome of each New York round table, by its code") Map<String, String> roundtableOutcomes,
      @Schema(description = "Outcome of each Regional Commission's input, by its code") Map<String, String> commissionOutcomes,
      @Schema(allowableValues = {
          "concluded", "not-received"}) String hldOutcome,
      @Schema(example = "A/RES/68/4") String hldOutcomeSymbol,
      LocalDate hldDate,
      String timeZone,
      List<String> memberStates,
      List<String> rcps,
      @Schema(description = "The master's count of its children still running") Integer openChildren,
      @Schema(description = "What was still open when the report to the Council started") String openAtReport,
      @Schema(description = "Children running now, per process key") Map<String, Long> openChildrenByProcess) {
  }

  @Schema(description = "What became of a participant of a running cycle")
  public record ParticipantChange(
      String cycle,
      @Schema(description = "ISO alpha-3 code or RCP code", example = "SUR") String participant,
      @Schema(description = "Process key of the participant's track", example = "national-consultation") String process,
      @Schema(example = "HLD2030-SUR") String businessKey,
      @Schema(allowableValues = {
          "added", "already in the cycle", "withdrawn", "reopened", "running"}) String state) {
  }

  @Schema(description = "An event delivered to the instance of the cycle that waited for it")
  public record EventSent(
      @Schema(example = "HldConcluded") String message,
      @Schema(description = "Business key of the instance that received it", example = "HLD2030") String businessKey,
      String sentBy) {
  }
}
