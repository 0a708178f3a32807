package org.hldprep.board;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.hldprep.board.CycleReader.Item;
import org.hldprep.board.CycleReader.OpenTask;
import org.hldprep.board.CycleReader.Position;
import org.hldprep.board.CycleReader.Snapshot;
import org.hldprep.board.ProgressViews.Step;

/** One computation of the board: the snapshot, the regions shown (null for all), the clock. */
final class BoardView {

  final Snapshot snapshot;
  final Set<String> regions;
  final ZoneId zone;
  final LocalDate today;
  private final Instant now;
  private final BoardPlaces places;

  BoardView(Snapshot snapshot, Set<String> regions, BoardPlaces places, Instant now) {
    this.snapshot = snapshot;
    this.regions = regions;
    this.places = places;
    this.zone = snapshot.status().zone();
    this.now = now;
    this.today = LocalDate.ofInstant(now, zone);
  }

  String cycle() {
    return snapshot.status().cycle();
  }

  boolean visible(Item item) {
    String region = places.region(item);
    return regions == null || (region != null && regions.contains(region));
  }

  /** A task is shown to a region if its instance belongs to the region or one of its offices holds it. */
  boolean taskVisible(OpenTask task, Item item) {
    String region = item == null ? null : places.region(item);
    if (regions == null || (region != null && regions.contains(region))) {
      return true;
    }
    return task.candidateGroups().stream()
        .anyMatch(group -> regions.contains(group) || places.countryOfficeIn(group, regions));
  }

  boolean overdue(OpenTask task) {
    return task.due() != null && task.due().toInstant().isBefore(now);
  }

  /** Calendar days from the due date to today; at least 1 once the due time has passed. */
  long daysOverdue(OpenTask task) {
    return Math.max(1, ChronoUnit.DAYS.between(date(task.due()), today));
  }

  /** Marked late by its process, or with an open task past its due date. */
  boolean late(Item item) {
    return item.markedLate() || snapshot.positionsOf(item.processInstanceId()).stream()
        .anyMatch(p -> p.task() != null && overdue(p.task()));
  }

  LocalDate date(Date date) {
    return Zoned.day(date, zone);
  }

  String code(Item item) {
    return item.code(cycle());
  }

  Step step(Position position) {
    OpenTask task = position.task();
    return new Step(position.processInstanceId(), position.activityId(), position.name(),
        task == null ? "waiting" : "task", position.activityType(), Zoned.time(position.since(), zone),
        task == null ? null : date(task.due()), task == null ? List.of() : task.heldBy(),
        task != null && overdue(task));
  }
}
