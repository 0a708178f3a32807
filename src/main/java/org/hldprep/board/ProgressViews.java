package org.hldprep.board;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What the progress API returns: records at the edge, so that the OpenAPI document names every field. */
public final class ProgressViews {

  private ProgressViews() {
  }

  @Schema(description = "A cycle of HLD preparation the caller may see")
  public record CycleSummary(
      @Schema(example = "HLD2030") String cycle,
      String processInstanceId,
      @Schema(allowableValues = {
          "running", "ended"}) String state,
      OffsetDateTime startTime,
      OffsetDateTime endTime,
      @Schema(description = "Date of the High-level Dialogue") LocalDate hldDate,
      @Schema(description = "Days from today to the HLD; negative once it has passed") Long daysToHld) {
  }

  @Schema(description = "Everything the progress board shows for one cycle, as far as the caller may see it")
  public record CycleProgress(
      String cycle,
      String processInstanceId,
      @Schema(allowableValues = {
          "running", "ended"}) String state,
      OffsetDateTime startTime,
      OffsetDateTime endTime,
      @Schema(description = "The day the figures were computed for, in the cycle's time zone") LocalDate today,
      String timeZone,
      @Schema(description = "Regional Offices shown: every one of the cycle, or the caller's own") List<String> regionalOffices,
      Countdown countdown,
      @Schema(description = "Open steps of the master process the caller may see (syntheses, briefing, report)") List<Step> cycleSteps,
      List<TrackProgress> tracks,
      List<RegionTable> regions,
      @Schema(description = "Open tasks past their due date, most overdue first") List<OverdueTask> overdue) {
  }

  @Schema(description = "Countdown to the Dialogue and the next deadlines of the cycle's calendar")
  public record Countdown(LocalDate hldDate, Long daysToHld, boolean hldPassed, List<Deadline> nextDeadlines) {
  }

  @Schema(description = "A date of the cycle's calendar (a process variable of the master)")
  public record Deadline(
      @Schema(example = "nationalSummaryDeadline") String key,
      @Schema(example = "National summary deadline") String label,
      LocalDate date,
      long daysLeft) {
  }

  @Schema(description = "One track: the instances of one process definition in the cycle")
  public record TrackProgress(
      @Schema(example = "national-consultation") String key,
      @Schema(description = "Name of the process definition") String name,
      int total,
      int running,
      int ended,
      @Schema(description = "Share of the track's instances that ended, 0-100") int percentDone,
      @Schema(description = "Instances that are late: marked late, or with an open task past its due date") int late,
      @Schema(description = "Instances by state: running, ended") Map<String, Integer> byState,
      @Schema(description = "Ended instances by outcome") Map<String, Integer> byOutcome,
      @Schema(description = "The track's instances that belong to no country (a country's are in its region's"
          + " table): where each stands, with the code of its timeline") List<TrackInstance> instances) {
  }

  @Schema(description = "One instance of a track that is not a country's")
  public record TrackInstance(
      @Schema(description = "Business key suffix: the code of its timeline", example = "council-joint-statement") String code,
      String processInstanceId,
      @Schema(allowableValues = {
          "running", "ended"}) String state,
      @Schema(description = "Open steps, joined by '; '") String currentStep,
      List<String> heldBy,
      LocalDate dueDate,
      boolean late,
      String outcome) {
  }

  @Schema(description = "A Regional Office and the countries of the cycle it covers")
  public record RegionTable(
      @Schema(example = "ro-bangkok") String regionalOffice,
      String city,
      String coverage,
      int countries,
      int ended,
      int late,
      List<CountryRow> rows) {
  }

  @Schema(description = "Where one country's track instance stands")
  public record CountryRow(
      @Schema(example = "PHL") String iso3,
      @Schema(example = "Philippines") String country,
      String regionalOffice,
      @Schema(example = "national-consultation") String track,
      String trackName,
      @Schema(description = "Business key suffix: the code of the track's timeline", example = "PHL") String code,
      String processInstanceId,
      @Schema(allowableValues = {
          "running", "ended"}) String state,
      @Schema(description = "Open steps, joined by '; '") String currentStep,
      @Schema(description = "Assignee and candidate groups of the open tasks") List<String> heldBy,
      @Schema(description = "Earliest due date of the open tasks") LocalDate dueDate,
      boolean late,
      @Schema(description = "Days the most overdue open task is past its due date") Integer daysOverdue,
      String outcome) {
  }

  @Schema(description = "An open step: a user task or an activity waiting for a date, a message or an answer")
  public record Step(
      String processInstanceId,
      String activityId,
      String name,
      @Schema(allowableValues = {
          "task", "waiting"}) String kind,
      String activityType,
      OffsetDateTime since,
      LocalDate dueDate,
      List<String> heldBy,
      boolean overdue) {
  }

  @Schema(description = "An open task past its due date")
  public record OverdueTask(
      String taskId,
      String name,
      String track,
      String code,
      String processInstanceId,
      @Schema(description = "Country of the task's process, if any") String iso3,
      @Schema(description = "Candidate groups and assignee: the office that holds the task") List<String> office,
      LocalDate dueDate,
      long daysOverdue) {
  }

  @Schema(description = "Who did what when in one country's or one track's instances, with the documents linked")
  public record Timeline(String cycle, String subject, List<TimelineItem> items, List<TimelineEntry> entries) {
  }

  @Schema(description = "A process instance the timeline covers")
  public record TimelineItem(String track, String trackName, String code, String processInstanceId, String state,
      String outcome, OffsetDateTime startTime, OffsetDateTime endTime) {
  }

  @Schema(description = "One step of the history: an activity from its start to its end")
  public record TimelineEntry(
      OffsetDateTime started,
      OffsetDateTime ended,
      String track,
      String code,
      String activityId,
      String step,
      String activityType,
      @Schema(description = "Who completed the task (or claimed it, if still open)") String by,
      @Schema(description = "For an open task: the office that holds it") List<String> heldBy,
      List<Document> documents) {
  }

  @Schema(description = "A document linked by a form (a process variable whose name ends in 'Link')")
  public record Document(@Schema(example = "summaryLink") String name, String url) {
  }
}
