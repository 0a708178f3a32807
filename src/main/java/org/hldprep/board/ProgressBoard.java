package org.hldprep.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hldprep.board.CycleReader.Item;
import org.hldprep.board.CycleReader.OpenTask;
import org.hldprep.board.CycleReader.Position;
import org.hldprep.board.CycleReader.Snapshot;
import org.hldprep.board.ProgressViews.CountryRow;
import org.hldprep.board.ProgressViews.CycleProgress;
import org.hldprep.board.ProgressViews.OverdueTask;
import org.hldprep.board.ProgressViews.RegionTable;
import org.hldprep.board.ProgressViews.Step;
import org.hldprep.board.ProgressViews.TrackInstance;
import org.hldprep.board.ProgressViews.TrackProgress;
import org.hldprep.cycle.CycleStatus;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.Office;

/**
 * The figures of one cycle's board from its snapshot: per track its counts, per Regional Office its
 * countries' rows, the master's own open steps, the overdue tasks and the countdown. Generic over the
 * models: a track is a process definition key, an instance's outcome and lateness are its {@code
 * outcome} and {@code late} variables, its country its {@code countryCode} (or its {@code regionalOffice}).
 */
final class ProgressBoard {

  private final BoardPlaces places;

  ProgressBoard(BoardPlaces places) {
    this.places = places;
  }

  /** The board as far as these regions go (null: all of them), at this instant. */
  CycleProgress progress(Snapshot snapshot, Set<String> regions, Instant now) {
    BoardView board = new BoardView(snapshot, regions, places, now);
    List<Item> visible = snapshot.items().stream().filter(board::visible).toList();

    Map<String, List<CountryRow>> rowsByRegion = new LinkedHashMap<>();
    for (Item item : visible) {
      MemberState country = places.country(item);
      if (country != null) {
        rowsByRegion.computeIfAbsent(country.regionalOffice(), k -> new ArrayList<>()).add(row(item, country, board));
      }
    }
    List<RegionTable> tables = new ArrayList<>();
    List<String> shownOffices = new ArrayList<>();
    for (Office office : places.regionalOffices()) {
      List<CountryRow> rows = rowsByRegion.getOrDefault(office.code(), List.of());
      boolean asked = regions != null && regions.contains(office.code());
      if (rows.isEmpty() && !asked) {
        continue;
      }
      shownOffices.add(office.code());
      List<CountryRow> sorted = rows.stream().sorted(Comparator.comparing(CountryRow::country)
          .thenComparing(CountryRow::track)).toList();
      tables.add(new RegionTable(office.code(), office.city(), office.coverage(),
          (int) sorted.stream().map(CountryRow::iso3).distinct().count(),
          (int) sorted.stream().filter(r -> CycleStatus.ENDED.equals(r.state())).count(),
          (int) sorted.stream().filter(CountryRow::late).count(), sorted));
    }

    List<Step> cycleSteps = snapshot.positionsOf(snapshot.master().processInstanceId()).stream()
        .filter(p -> regions == null || (p.task() != null && board.taskVisible(p.task(), null)))
        .map(board::step).toList();

    CycleStatus status = snapshot.status();
    return new CycleProgress(status.cycle(), status.processInstanceId(), status.state(),
        Zoned.time(status.startTime(), board.zone), Zoned.time(status.endTime(), board.zone), board.today,
        board.zone.getId(), regions == null ? shownOffices : List.copyOf(regions),
        Countdowns.countdown(status, board.today), cycleSteps, tracks(visible, board), tables, overdue(board));
  }

  private List<TrackProgress> tracks(List<Item> items, BoardView board) {
    Map<String, List<Item>> byKey = new LinkedHashMap<>();
    items.forEach(i -> byKey.computeIfAbsent(i.definitionKey(), k -> new ArrayList<>()).add(i));
    List<TrackProgress> tracks = new ArrayList<>();
    byKey.forEach((key, instances) -> {
      int ended = (int) instances.stream().filter(i -> !i.running()).count();
      int running = instances.size() - ended;
      Map<String, Integer> byState = new LinkedHashMap<>();
      byState.put(CycleStatus.RUNNING, running);
      byState.put(CycleStatus.ENDED, ended);
      Map<String, Integer> byOutcome = new TreeMap<>();
      instances.stream().filter(i -> !i.running()).forEach(i -> byOutcome.merge(i.outcome(), 1, Integer::sum));
      String name = instances.get(0).definitionName() == null ? key : instances.get(0).definitionName();
      List<TrackInstance> others = instances.stream().filter(i -> places.country(i) == null).map(i -> {
        CountryRow where = row(i, new MemberState(null, null, null, null, null, false), board);
        return new TrackInstance(board.code(i), i.processInstanceId(), where.state(), where.currentStep(),
            where.heldBy(), where.dueDate(), where.late(), where.outcome());
      }).toList();
      tracks.add(new TrackProgress(key, name, instances.size(), running, ended, ended * 100 / instances.size(),
          (int) instances.stream().filter(board::late).count(), byState, byOutcome, others));
    });
    return tracks;
  }

  /** Where an instance stands: its open steps, who holds them, the earliest due date, how late. */
  private static CountryRow row(Item item, MemberState country, BoardView board) {
    List<Position> positions = board.snapshot.positionsOf(item.processInstanceId());
    List<String> steps = positions.stream().map(Position::name).distinct().toList();
    Set<String> held = new LinkedHashSet<>();
    LocalDate due = null;
    Long daysOverdue = null;
    for (Position position : positions) {
      if (position.task() != null) {
        held.addAll(position.task().heldBy());
        LocalDate taskDue = board.date(position.task().due());
        if (taskDue != null && (due == null || taskDue.isBefore(due))) {
          due = taskDue;
        }
        if (board.overdue(position.task())) {
          long days = board.daysOverdue(position.task());
          daysOverdue = daysOverdue == null ? days : Math.max(daysOverdue, days);
        }
      }
    }
    return new CountryRow(country.iso3(), country.name(), country.regionalOffice(), item.definitionKey(),
        item.definitionName(), board.code(item), item.processInstanceId(), item.state(),
        steps.isEmpty() ? null : String.join("; ", steps), List.copyOf(held), due, board.late(item),
        daysOverdue == null ? null : daysOverdue.intValue(), item.running() ? null : item.outcome());
  }

  /** Open tasks past their due date, of the master and every track the regions see, most overdue first. */
  private List<OverdueTask> overdue(BoardView board) {
    List<Item> withMaster = new ArrayList<>();
    withMaster.add(board.snapshot.master());
    withMaster.addAll(board.snapshot.items());
    List<OverdueTask> overdue = new ArrayList<>();
    for (Item item : withMaster) {
      for (Position position : board.snapshot.positionsOf(item.processInstanceId())) {
        OpenTask task = position.task();
        if (task != null && board.overdue(task) && board.taskVisible(task, item)) {
          MemberState country = places.country(item);
          overdue.add(new OverdueTask(task.id(), position.name(), item.definitionKey(), board.code(item),
              item.processInstanceId(), country == null ? null : country.iso3(), task.heldBy(),
              board.date(task.due()), board.daysOverdue(task)));
        }
      }
    }
    overdue.sort(Comparator.comparingLong(OverdueTask::daysOverdue).reversed()
        .thenComparing(OverdueTask::dueDate).thenComparing(OverdueTask::name));
    return overdue;
  }
}
