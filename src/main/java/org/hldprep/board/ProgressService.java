package org.hldprep.board;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hldprep.board.CycleReader.History;
import org.hldprep.board.CycleReader.Item;
import org.hldprep.board.CycleReader.OpenTask;
import org.hldprep.board.CycleReader.Position;
import org.hldprep.board.CycleReader.Snapshot;
import org.hldprep.board.ProgressViews.Countdown;
import org.hldprep.board.ProgressViews.CountryRow;
import org.hldprep.board.ProgressViews.CycleProgress;
import org.hldprep.board.ProgressViews.CycleSummary;
import org.hldprep.board.ProgressViews.Deadline;
import org.hldprep.board.ProgressViews.Document;
import org.hldprep.board.ProgressViews.OverdueTask;
import org.hldprep.board.ProgressViews.RegionTable;
import org.hldprep.board.ProgressViews.Step;
import org.hldprep.board.ProgressViews.Timeline;
import org.hldprep.board.ProgressViews.TimelineEntry;
import org.hldprep.board.ProgressViews.TimelineItem;
import org.hldprep.board.ProgressViews.TrackInstance;
import org.hldprep.board.ProgressViews.TrackProgress;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.engine.AsEngine;
import org.hldprep.platform.api.InvalidRequestException;
import org.hldprep.platform.api.NotFoundException;
import org.hldprep.platform.settings.HldPrepProperties;
import org.hldprep.process.JsonVariables;
import org.hldprep.process.MarkLateDelegate;
import org.hldprep.process.RecordOutcomeListener;
import org.hldprep.process.hldpreparation.HldPreparationProcess;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.Office;
import org.hldprep.reference.ReferenceData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The figures of the progress board, and their only source: the board, its exports and the REST API
 * all read them here. Generic over the process models (see {@link CycleReader}): a track is a process
 * definition key, an instance's state is running or ended, its outcome and lateness are its
 * {@code outcome} and {@code late} variables, its country is its {@code countryCode} (or its
 * {@code regionalOffice}), its current steps are its open tasks and waiting activities.
 *
 * <p>Every public method takes the caller's {@link BoardScope}, decided from the caller's groups
 * before anything is read; the engine is then read as the engine itself (no per-instance
 * authorization), and the result filtered to the caller's regions.
 */
@Service
public class ProgressService {

  static final String OUTCOME = RecordOutcomeListener.OUTCOME;
  static final String LATE = MarkLateDelegate.LATE;
  static final String COUNTRY_CODE = "countryCode";
  static final String REGIONAL_OFFICE = "regionalOffice";
  /** The cycle's time zone (an IANA id such as Europe/Geneva), when the calendar gives one. */
  static final String TIME_ZONE = "timeZone";
  static final int NEXT_DEADLINES = 5;
  static final int MAX_CYCLES = 500;
  /** Master variables that are dates of the calendar beside those CycleCalendar names. */
  private static final Pattern CALENDAR_NAME = Pattern.compile(".*(Deadline|Date|Cutoff|CutOff)$");
  private static final Set<String> HLD_KEYS = Set.of(CycleCalendar.HLD_DATE, CycleCalendar.HLD_END_DATE);
  private static final Set<String> NOT_IN_TIMELINE = Set.of("multiInstanceBody", "exclusiveGateway",
      "parallelGateway", "inclusiveGateway", "eventBasedGateway");
  private static final Set<String> ACRONYMS = Set.of("rcp", "hld", "pga", "fotc", "dg", "ceb", "hlcp", "ny");

  private final CycleReader reader;
  private final IdentityService identityService;
  private final ReferenceData referenceData;
  /** A cycle's zone when it has none of its own: the configured one, as for the mails and the digest. */
  private final ZoneId defaultZone;

  @Autowired
  public ProgressService(HistoryService historyService, TaskService taskService, ManagementService managementService,
      IdentityService identityService, JdbcTemplate jdbcTemplate, ReferenceData referenceData,
      HldPrepProperties properties) {
    this(historyService, taskService, managementService, identityService, jdbcTemplate, referenceData,
        properties.mail().defaultTimeZone());
  }

  ProgressService(HistoryService historyService, TaskService taskService, ManagementService managementService,
      IdentityService identityService, JdbcTemplate jdbcTemplate, ReferenceData referenceData, ZoneId defaultZone) {
    this.reader = new CycleReader(historyService, taskService, managementService, jdbcTemplate);
    this.identityService = identityService;
    this.referenceData = referenceData;
    this.defaultZone = defaultZone;
  }

  // ---------------------------------------------------------------- cycles

  /** The cycles the caller may see, newest first; a Regional Office sees the cycles that include its region. */
  public List<CycleSummary> cycles(BoardScope scope) {
    return asEngine(() -> {
      Map<String, HistoricProcessInstance> latest = new LinkedHashMap<>();
      for (HistoricProcessInstance master : reader.masters(MAX_CYCLES)) {
        if (master.getBusinessKey() != null) {
          latest.putIfAbsent(master.getBusinessKey(), master);
        }
      }
      Map<String, Map<String, Object>> variables = reader.variables(
          latest.values().stream().map(HistoricProcessInstance::getId).toList(),
          List.of(CycleCalendar.HLD_DATE, HldPreparationProcess.REGIONAL_OFFICES, TIME_ZONE));
      List<CycleSummary> cycles = new ArrayList<>();
      for (HistoricProcessInstance master : latest.values()) {
        Map<String, Object> vars = variables.getOrDefault(master.getId(), Map.of());
        if (!scope.everything() && ids(vars.get(HldPreparationProcess.REGIONAL_OFFICES)).stream()
            .noneMatch(scope::covers)) {
          continue;
        }
        ZoneId zone = zone(vars);
        LocalDate hld = date(vars.get(CycleCalendar.HLD_DATE), zone);
        cycles.add(new CycleSummary(master.getBusinessKey(), master.getId(), state(master.getEndTime()),
            time(master.getStartTime(), zone), time(master.getEndTime(), zone), hld,
            hld == null ? null : ChronoUnit.DAYS.between(today(zone), hld)));
      }
      return cycles;
    });
  }

  // ---------------------------------------------------------------- progress

  /**
   * The board of one cycle.
   *
   * @param regionalOffice optionally one Regional Office to show (coordinators may pick any, a
   *     Regional Office its own only)
   */
  public CycleProgress progress(String cycle, BoardScope scope, String regionalOffice) {
    Set<String> regions = regions(scope, regionalOffice);
    return asEngine(() -> {
      Snapshot snapshot = reader.snapshot(requireMaster(cycle));
      scope.requireCycle(cycle, regions(snapshot));
      return progress(cycle, snapshot, regions);
    });
  }

  /** The regions a cycle includes: those it started with, and those of any country added since. */
  private Set<String> regions(Snapshot snapshot) {
    Set<String> regions = new LinkedHashSet<>(
        ids(snapshot.masterVariables().get(HldPreparationProcess.REGIONAL_OFFICES)));
    snapshot.items().stream().map(this::region).filter(Objects::nonNull).forEach(regions::add);
    return regions;
  }

  private CycleProgress progress(String cycle, Snapshot snapshot, Set<String> regions) {
    ZoneId zone = zone(snapshot.masterVariables());
    Instant now = ClockUtil.getCurrentTime().toInstant();
    LocalDate today = today(zone);
    Board board = new Board(cycle, snapshot, regions, zone, now);

    List<Item> visible = snapshot.items().stream().filter(board::visible).toList();
    List<TrackProgress> tracks = tracks(visible, board);

    Map<String, List<CountryRow>> rowsByRegion = new LinkedHashMap<>();
    for (Item item : visible) {
      MemberState country = country(item);
      if (country != null) {
        rowsByRegion.computeIfAbsent(country.regionalOffice(), k -> new ArrayList<>()).add(row(item, country, board));
      }
    }
    List<RegionTable> tables = new ArrayList<>();
    List<String> shownOffices = new ArrayList<>();
    for (Office office : referenceData.regionalOffices()) {
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
          (int) sorted.stream().filter(r -> "ended".equals(r.state())).count(),
          (int) sorted.stream().filter(CountryRow::late).count(), sorted));
    }

    List<Step> cycleSteps = snapshot.positionsOf(snapshot.master().processInstanceId()).stream()
        .filter(p -> regions == null || (p.task() != null && board.taskVisible(p.task(), null)))
        .map(board::step).toList();

    List<OverdueTask> overdue = new ArrayList<>();
    List<Item> withMaster = new ArrayList<>();
    withMaster.add(snapshot.master());
    withMaster.addAll(snapshot.items());
    for (Item item : withMaster) {
      for (Position position : snapshot.positionsOf(item.processInstanceId())) {
        OpenTask task = position.task();
        if (task != null && board.overdue(task) && board.taskVisible(task, item)) {
          MemberState country = country(item);
          overdue.add(new OverdueTask(task.id(), position.name(), item.definitionKey(), board.code(item),
              item.processInstanceId(), country == null ? null : country.iso3(), heldBy(task),
              board.date(task.due()), board.daysOverdue(task)));
        }
      }
    }
    overdue.sort(Comparator.comparingLong(OverdueTask::daysOverdue).reversed()
        .thenComparing(OverdueTask::dueDate).thenComparing(OverdueTask::name));

    Item master = snapshot.master();
    return new CycleProgress(cycle, master.processInstanceId(), state(master.end()), time(master.start(), zone),
        time(master.end(), zone), today, zone.getId(), regions == null ? shownOffices : List.copyOf(regions),
        countdown(snapshot.masterVariables(), today, zone), cycleSteps, tracks, tables, overdue);
  }

  private List<TrackProgress> tracks(List<Item> items, Board board) {
    Map<String, List<Item>> byKey = new LinkedHashMap<>();
    items.forEach(i -> byKey.computeIfAbsent(i.definitionKey(), k -> new ArrayList<>()).add(i));
    List<TrackProgress> tracks = new ArrayList<>();
    byKey.forEach((key, instances) -> {
      int ended = (int) instances.stream().filter(i -> !i.running()).count();
      int running = instances.size() - ended;
      Map<String, Integer> byState = new LinkedHashMap<>();
      byState.put("running", running);
      byState.put("ended", ended);
      Map<String, Integer> byOutcome = new TreeMap<>();
      instances.stream().filter(i -> !i.running()).forEach(i -> byOutcome.merge(outcome(i), 1, Integer::sum));
      String name = instances.get(0).definitionName() == null ? key : instances.get(0).definitionName();
      List<TrackInstance> others = instances.stream().filter(i -> country(i) == null).map(i -> {
        CountryRow where = where(i, board);
        return new TrackInstance(board.code(i), i.processInstanceId(), where.state(), where.currentStep(),
            where.heldBy(), where.dueDate(), where.late(), where.outcome());
      }).toList();
      tracks.add(new TrackProgress(key, name, instances.size(), running, ended, ended * 100 / instances.size(),
          (int) instances.stream().filter(board::late).count(), byState, byOutcome, others));
    });
    return tracks;
  }

  /** Where an instance stands, as a row without a country. */
  private CountryRow where(Item item, Board board) {
    return row(item, new MemberState(null, null, null, null, null, false), board);
  }

  private CountryRow row(Item item, MemberState country, Board board) {
    List<Position> positions = board.snapshot.positionsOf(item.processInstanceId());
    List<String> steps = positions.stream().map(Position::name).distinct().toList();
    Set<String> held = new LinkedHashSet<>();
    LocalDate due = null;
    Long daysOverdue = null;
    for (Position position : positions) {
      if (position.task() != null) {
        held.addAll(heldBy(position.task()));
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
        item.definitionName(), board.code(item), item.processInstanceId(), state(item.end()),
        steps.isEmpty() ? null : String.join("; ", steps), List.copyOf(held), due, board.late(item),
        daysOverdue == null ? null : daysOverdue.intValue(), item.running() ? null : outcome(item));
  }

  private Countdown countdown(Map<String, Object> masterVariables, LocalDate today, ZoneId zone) {
    LocalDate hld = date(masterVariables.get(CycleCalendar.HLD_DATE), zone);
    List<Deadline> deadlines = new ArrayList<>();
    masterVariables.forEach((name, value) -> {
      if (HLD_KEYS.contains(name) || !(CycleCalendar.isCalendarKey(name) || CALENDAR_NAME.matcher(name).matches())) {
        return;
      }
      LocalDate date = date(value, zone);
      if (date != null && !date.isBefore(today)) {
        deadlines.add(new Deadline(name, label(name), date, ChronoUnit.DAYS.between(today, date)));
      }
    });
    deadlines.sort(Comparator.comparing(Deadline::date).thenComparing(Deadline::key));
    Long days = hld == null ? null : ChronoUnit.DAYS.between(today, hld);
    return new Countdown(hld, days, days != null && days < 0,
        List.copyOf(deadlines.subList(0, Math.min(NEXT_DEADLINES, deadlines.size()))));
  }

  // ---------------------------------------------------------------- timelines

  /** The history of one country's instances in the cycle (its national consultation, and any other). */
  public Timeline countryTimeline(String cycle, String iso3, BoardScope scope) {
    MemberState country = referenceData.requireMemberState(iso3);
    scope.requireRegion(country.regionalOffice(), country.name() + " (" + country.iso3() + ")");
    return asEngine(() -> {
      HistoricProcessInstance master = requireMaster(cycle);
      List<HistoricProcessInstance> descendants = reader.descendants(master.getId());
      Map<String, Map<String, Object>> variables = reader.variables(
          descendants.stream().map(HistoricProcessInstance::getId).toList(), CycleReader.ITEM_VARIABLES);
      List<Item> items = descendants.stream().map(d -> reader.item(d, variables))
          .filter(i -> country.iso3().equals(Objects.toString(i.variable(COUNTRY_CODE), null))).toList();
      if (items.isEmpty()) {
        throw new NotFoundException(
            "Cycle " + cycle + " has no track for " + country.name() + " (" + country.iso3() + ")");
      }
      return timeline(cycle, country.iso3(), items, zone(reader.variables(List.of(master.getId()),
          List.of(TIME_ZONE)).getOrDefault(master.getId(), Map.of())));
    });
  }

  /** The history of one track instance, named by its business key's code (e.g. council-joint-statement, PHL). */
  public Timeline trackTimeline(String cycle, String code, BoardScope scope) {
    return asEngine(() -> {
      HistoricProcessInstance master = requireMaster(cycle);
      List<HistoricProcessInstance> found = reader.descendants(master.getId(), cycle + "-" + code);
      if (found.isEmpty()) {
        throw new NotFoundException("Cycle " + cycle + " has no track instance " + cycle + "-" + code);
      }
      Map<String, Map<String, Object>> variables = reader.variables(
          found.stream().map(HistoricProcessInstance::getId).toList(), CycleReader.ITEM_VARIABLES);
      List<Item> items = found.stream().map(d -> reader.item(d, variables)).toList();
      for (Item item : items) {
        scope.requireRegion(region(item), "The track instance " + item.businessKey());
      }
      return timeline(cycle, code, items, zone(reader.variables(List.of(master.getId()), List.of(TIME_ZONE))
          .getOrDefault(master.getId(), Map.of())));
    });
  }

  private Timeline timeline(String cycle, String subject, List<Item> items, ZoneId zone) {
    History history = reader.history(items);
    Map<String, Item> itemsById = CycleReader.index(items, Item::processInstanceId);
    Map<String, String> completedBy = new HashMap<>();
    Map<String, String> claimedBy = new HashMap<>();
    Map<String, String> taskOfOperation = new HashMap<>();
    for (UserOperationLogEntry entry : history.operations()) {
      if (entry.getTaskId() == null) {
        continue;
      }
      taskOfOperation.putIfAbsent(entry.getOperationId(), entry.getTaskId());
      if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType()) && entry.getUserId() != null) {
        completedBy.put(entry.getTaskId(), entry.getUserId());
      } else if (UserOperationLogEntry.OPERATION_TYPE_CLAIM.equals(entry.getOperationType())
          && entry.getUserId() != null) {
        claimedBy.put(entry.getTaskId(), entry.getUserId());
      }
    }
    Map<String, HistoricActivityInstance> activityOfTask = new HashMap<>();
    Map<String, HistoricActivityInstance> activityById = new HashMap<>();
    for (HistoricActivityInstance activity : history.activities()) {
      activityById.put(activity.getId(), activity);
      if (activity.getTaskId() != null) {
        activityOfTask.put(activity.getTaskId(), activity);
      }
    }
    // Documents to the step that linked them: the task whose completion set them, else their activity.
    Map<String, Set<Document>> documents = new HashMap<>();
    List<TimelineEntry> loose = new ArrayList<>();
    for (HistoricDetail detail : history.documents()) {
      if (!(detail instanceof HistoricVariableUpdate update) || update.getValue() == null
          || update.getValue().toString().isBlank()) {
        continue;
      }
      Document document = new Document(update.getVariableName(), update.getValue().toString());
      String taskId = detail.getTaskId() != null
          ? detail.getTaskId()
          : taskOfOperation.get(detail.getUserOperationId());
      HistoricActivityInstance activity = taskId != null
          ? activityOfTask.get(taskId)
          : activityById.get(detail.getActivityInstanceId());
      if (activity != null) {
        documents.computeIfAbsent(activity.getId(), k -> new LinkedHashSet<>()).add(document);
      } else {
        Item item = itemsById.get(detail.getProcessInstanceId());
        loose.add(new TimelineEntry(time(detail.getTime(), zone), time(detail.getTime(), zone),
            item == null ? null : item.definitionKey(), item == null ? null : code(cycle, item), null,
            "Document linked", "variableUpdate", null, null, List.of(document)));
      }
    }
    List<TimelineEntry> entries = new ArrayList<>(loose);
    for (HistoricActivityInstance activity : history.activities()) {
      if (NOT_IN_TIMELINE.contains(activity.getActivityType())) {
        continue;
      }
      Item item = itemsById.get(activity.getProcessInstanceId());
      OpenTask open = activity.getTaskId() == null ? null : history.openTasks().get(activity.getTaskId());
      String by = null;
      if (activity.getTaskId() != null) {
        by = completedBy.get(activity.getTaskId());
        if (by == null) {
          by = activity.getEndTime() != null
              ? activity.getAssignee()
              : open != null && open.assignee() != null ? open.assignee() : claimedBy.get(activity.getTaskId());
        }
      }
      entries.add(new TimelineEntry(time(activity.getStartTime(), zone), time(activity.getEndTime(), zone),
          item.definitionKey(), code(cycle, item), activity.getActivityId(),
          activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName(),
          activity.getActivityType(), by, open == null ? null : heldBy(open),
          List.copyOf(documents.getOrDefault(activity.getId(), Set.of()))));
    }
    entries.sort(Comparator.comparing(TimelineEntry::started)
        .thenComparing(e -> e.ended() == null ? OffsetDateTime.MAX : e.ended()));
    List<TimelineItem> timelineItems = items.stream().map(i -> new TimelineItem(i.definitionKey(), i.definitionName(),
        code(cycle, i), i.processInstanceId(), state(i.end()), i.running() ? null : outcome(i),
        time(i.start(), zone), time(i.end(), zone))).toList();
    return new Timeline(cycle, subject, timelineItems, entries);
  }

  // ---------------------------------------------------------------- helpers

  /** The regions to show: null for all; the asked one if the caller covers it (403 otherwise). */
  private Set<String> regions(BoardScope scope, String regionalOffice) {
    if (regionalOffice == null || regionalOffice.isBlank()) {
      return scope.everything() ? null : scope.regionalOffices();
    }
    String code = regionalOffice.trim().toLowerCase(Locale.ROOT);
    if (referenceData.regionalOffices().stream().noneMatch(o -> o.code().equals(code))) {
      throw new InvalidRequestException("Unknown Regional Office '" + regionalOffice + "': expected one of "
          + String.join(", ", referenceData.regionalOffices().stream().map(Office::code).toList()));
    }
    scope.requireRegion(code, "The region " + code);
    return Set.of(code);
  }

  private HistoricProcessInstance requireMaster(String cycle) {
    return reader.master(cycle).orElseThrow(() -> new NotFoundException("No cycle " + cycle));
  }

  private MemberState country(Item item) {
    Object code = item.variable(COUNTRY_CODE);
    return code == null ? null : referenceData.memberState(code.toString()).orElse(null);
  }

  /** The Regional Office an instance belongs to: its country's, or the one it names; null for none. */
  String region(Item item) {
    MemberState country = country(item);
    if (country != null) {
      return country.regionalOffice();
    }
    Object office = item.variable(REGIONAL_OFFICE);
    return office != null && isRegionalOffice(office.toString()) ? office.toString() : null;
  }

  private boolean isRegionalOffice(String code) {
    return referenceData.regionalOffices().stream().anyMatch(o -> o.code().equals(code));
  }

  private static List<String> heldBy(OpenTask task) {
    List<String> held = new ArrayList<>();
    if (task.assignee() != null) {
      held.add(task.assignee());
    }
    held.addAll(task.candidateGroups());
    return held;
  }

  private static String outcome(Item item) {
    Object outcome = item.variable(OUTCOME);
    return outcome == null ? "none" : outcome.toString();
  }

  private static String state(Date end) {
    return end == null ? "running" : "ended";
  }

  static String code(String cycle, Item item) {
    String key = item.businessKey();
    if (key == null) {
      return item.processInstanceId();
    }
    return key.startsWith(cycle + "-") ? key.substring(cycle.length() + 1) : key;
  }

  private ZoneId zone(Map<String, Object> masterVariables) {
    Object zone = masterVariables.get(TIME_ZONE);
    if (zone != null) {
      try {
        return ZoneId.of(zone.toString());
      } catch (DateTimeException e) {
        // an unknown zone id: the default zone, as for the mails
      }
    }
    return defaultZone;
  }

  private static LocalDate today(ZoneId zone) {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
  }

  private static LocalDate date(Object value, ZoneId zone) {
    if (value instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), zone);
    }
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static OffsetDateTime time(Date date, ZoneId zone) {
    return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
  }

  /** Ids in a list variable, whether a JSON array, a Java list or a comma-separated string. */
  private static List<String> ids(Object value) {
    return JsonVariables.strings(value);
  }

  /** "nationalSummaryDeadline" → "National summary deadline", "rcpInputDeadline" → "RCP input deadline". */
  static String label(String camelCase) {
    String[] words = camelCase.split("(?<=[a-z0-9])(?=[A-Z])");
    StringBuilder label = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      String word = words[i].toLowerCase(Locale.ROOT);
      if (ACRONYMS.contains(word)) {
        word = word.toUpperCase(Locale.ROOT);
      } else if (i == 0) {
        word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      }
      label.append(i == 0 ? "" : " ").append(word);
    }
    return label.toString();
  }

  private <T> T asEngine(Supplier<T> work) {
    return AsEngine.call(identityService, work);
  }

  /** One computation of the board: the snapshot, the regions shown, the clock. */
  private final class Board {
    final String cycle;
    final Snapshot snapshot;
    final Set<String> regions;
    final ZoneId zone;
    final Instant now;
    final LocalDate today;

    Board(String cycle, Snapshot snapshot, Set<String> regions, ZoneId zone, Instant now) {
      this.cycle = cycle;
      this.snapshot = snapshot;
      this.regions = regions;
      this.zone = zone;
      this.now = now;
      this.today = LocalDate.ofInstant(now, zone);
    }

    boolean visible(Item item) {
      String region = region(item);
      return regions == null || (region != null && regions.contains(region));
    }

    /** A task is shown to a region if its instance belongs to the region or one of its offices holds it. */
    boolean taskVisible(OpenTask task, Item item) {
      String region = item == null ? null : region(item);
      if (regions == null || (region != null && regions.contains(region))) {
        return true;
      }
      for (String group : task.candidateGroups()) {
        if (regions.contains(group)) {
          return true;
        }
        if (group.startsWith("co-") && referenceData.memberState(group.substring(3))
            .map(s -> regions.contains(s.regionalOffice())).orElse(false)) {
          return true;
        }
      }
      return false;
    }

    boolean overdue(OpenTask task) {
      return task.due() != null && task.due().toInstant().isBefore(now);
    }

    /** Calendar days from the due date to today; at least 1 once the due time has passed. */
    long daysOverdue(OpenTask task) {
      return Math.max(1, ChronoUnit.DAYS.between(date(task.due()), today));
    }

    boolean late(Item item) {
      if (Boolean.TRUE.equals(item.variable(LATE)) || "true".equals(Objects.toString(item.variable(LATE), null))) {
        return true;
      }
      return snapshot.positionsOf(item.processInstanceId()).stream()
          .anyMatch(p -> p.task() != null && overdue(p.task()));
    }

    LocalDate date(Date date) {
      return date == null ? null : LocalDate.ofInstant(date.toInstant(), zone);
    }

    String code(Item item) {
      return ProgressService.code(cycle, item);
    }

    Step step(Position position) {
      OpenTask task = position.task();
      return new Step(position.processInstanceId(), position.activityId(), position.name(),
          task == null ? "waiting" : "task", position.activityType(), time(position.since(), zone),
          task == null ? null : date(task.due()), task == null ? List.of() : heldBy(task),
          task != null && overdue(task));
    }
  }
}
