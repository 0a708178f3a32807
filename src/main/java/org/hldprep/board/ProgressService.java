package org.hldprep.board;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.hldprep.board.CycleReader.Item;
import org.hldprep.board.ProgressViews.CycleProgress;
import org.hldprep.board.ProgressViews.CycleSummary;
import org.hldprep.board.ProgressViews.Timeline;
import org.hldprep.cycle.CycleStatus;
import org.hldprep.cycle.CycleStatusReader;
import org.hldprep.engine.AsEngine;
import org.hldprep.engine.EngineClock;
import org.hldprep.platform.api.NotFoundException;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.ReferenceData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The progress board's only source: the board, its exports and the REST API all read it here. A cycle is
 * read from its status ({@link CycleStatusReader}, as the cycle's own API reads it) and its instances
 * ({@link CycleReader}); {@link ProgressBoard} computes the figures, {@link Timelines} the histories.
 *
 * <p>Every public method takes the caller's {@link BoardScope}, decided from the caller's groups
 * before anything is read; the engine is then read as the engine itself (no per-instance
 * authorization), and the result filtered to the caller's regions.
 */
@Service
public class ProgressService {

  static final int MAX_CYCLES = 500;

  private final CycleStatusReader statuses;
  private final CycleReader reader;
  private final IdentityService identityService;
  private final ReferenceData referenceData;
  private final BoardPlaces places;
  private final ProgressBoard board;
  private final Timelines timelines;

  @Autowired
  public ProgressService(HistoryService historyService, TaskService taskService, ManagementService managementService,
      IdentityService identityService, JdbcTemplate jdbcTemplate, ReferenceData referenceData,
      CycleStatusReader statuses) {
    this.statuses = statuses;
    this.reader = new CycleReader(historyService, taskService, managementService, jdbcTemplate);
    this.identityService = identityService;
    this.referenceData = referenceData;
    this.places = new BoardPlaces(referenceData);
    this.board = new ProgressBoard(places);
    this.timelines = new Timelines(reader);
  }

  /** @param defaultZone a cycle's zone when it names none */
  ProgressService(HistoryService historyService, TaskService taskService, ManagementService managementService,
      IdentityService identityService, JdbcTemplate jdbcTemplate, ReferenceData referenceData, ZoneId defaultZone) {
    this(historyService, taskService, managementService, identityService, jdbcTemplate, referenceData,
        new CycleStatusReader(historyService, defaultZone));
  }

  /** The cycles the caller may see, newest first; a Regional Office sees the cycles that include its region. */
  public List<CycleSummary> cycles(BoardScope scope) {
    return asEngine(() -> statuses.newest(MAX_CYCLES).stream()
        .filter(cycle -> scope.everything() || cycle.regionalOffices().stream().anyMatch(scope::covers))
        .map(ProgressService::summary).toList());
  }

  private static CycleSummary summary(CycleStatus cycle) {
    ZoneId zone = cycle.zone();
    LocalDate hld = cycle.hldDate();
    return new CycleSummary(cycle.cycle(), cycle.processInstanceId(), cycle.state(),
        Zoned.time(cycle.startTime(), zone), Zoned.time(cycle.endTime(), zone), hld,
        hld == null ? null : ChronoUnit.DAYS.between(EngineClock.today(zone), hld));
  }

  /**
   * The board of one cycle.
   *
   * @param regionalOffice optionally one Regional Office to show (coordinators may pick any, a
   *     Regional Office its own only)
   */
  public CycleProgress progress(String cycle, BoardScope scope, String regionalOffice) {
    Set<String> regions = places.shown(scope, regionalOffice);
    return asEngine(() -> {
      CycleReader.Snapshot snapshot = reader.snapshot(requireCycle(cycle));
      scope.requireCycle(cycle, places.regions(snapshot));
      return board.progress(snapshot, regions, EngineClock.now());
    });
  }

  /** The history of one country's instances in the cycle (its national consultation, and any other). */
  public Timeline countryTimeline(String cycle, String iso3, BoardScope scope) {
    MemberState country = referenceData.requireMemberState(iso3);
    scope.requireRegion(country.regionalOffice(), country.name() + " (" + country.iso3() + ")");
    return asEngine(() -> {
      CycleStatus status = requireCycle(cycle);
      List<Item> items = items(reader.descendants(status.processInstanceId())).stream()
          .filter(i -> country.iso3().equals(Objects.toString(i.variable(CycleReader.COUNTRY_CODE), null))).toList();
      if (items.isEmpty()) {
        throw new NotFoundException(
            "Cycle " + cycle + " has no track for " + country.name() + " (" + country.iso3() + ")");
      }
      return timelines.timeline(cycle, country.iso3(), items, status.zone());
    });
  }

  /** The history of one track instance, named by its business key's code (e.g. council-joint-statement, PHL). */
  public Timeline trackTimeline(String cycle, String code, BoardScope scope) {
    return asEngine(() -> {
      CycleStatus status = requireCycle(cycle);
      List<HistoricProcessInstance> found = reader.descendants(status.processInstanceId(), cycle + "-" + code);
      if (found.isEmpty()) {
        throw new NotFoundException("Cycle " + cycle + " has no track instance " + cycle + "-" + code);
      }
      List<Item> items = items(found);
      for (Item item : items) {
        scope.requireRegion(places.region(item), "The track instance " + item.businessKey());
      }
      return timelines.timeline(cycle, code, items, status.zone());
    });
  }

  private List<Item> items(List<HistoricProcessInstance> instances) {
    Map<String, Map<String, Object>> variables = reader.variables(
        instances.stream().map(HistoricProcessInstance::getId).toList(), CycleReader.ITEM_VARIABLES);
    return instances.stream().map(instance -> reader.item(instance, variables)).toList();
  }

  private CycleStatus requireCycle(String cycle) {
    return statuses.find(cycle).orElseThrow(() -> new NotFoundException("No cycle " + cycle));
  }

  private <T> T asEngine(Supplier<T> work) {
    return AsEngine.call(identityService, work);
  }
}
