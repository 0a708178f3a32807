package org.hldprep.cycle;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.platform.input.PlainJson;
import org.hldprep.platform.settings.HldPrepProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one reading of a cycle's status, for the cycle's API and the progress board alike: the latest
 * master instance of the cycle's name in the history (running or ended) and the master's status
 * variables, in a fixed number of queries.
 *
 * <p>Reads with the engine's current authentication: the cycle's API reads as the caller (engine
 * authorizations apply), the board as the engine once it has checked the caller's regions.
 */
@Component
public class CycleStatusReader {

  /** What the master records about the cycle beside its calendar. */
  static final List<String> STATUS = List.of(MEMBER_STATES, RCPS, REGIONAL_OFFICES, CycleCalendar.TIME_ZONE,
      CycleCalendar.REPLAY, CycleCalendar.GIVEN_DATES, CONSULTATION_OUTCOMES, RCP_OUTCOMES, TRACK_OUTCOMES,
      ROUNDTABLE_OUTCOMES, COMMISSION_OUTCOMES, HLD_OUTCOME, HLD_OUTCOME_SYMBOL, OPEN_CHILDREN, OPEN_AT_REPORT);
  /** What a list of cycles shows of each: few names, since many masters are read at once. */
  static final List<String> SUMMARY = List.of(CycleCalendar.HLD_DATE, REGIONAL_OFFICES, CycleCalendar.TIME_ZONE);
  /** Ids per IN list: well below every database's limit on bind parameters. */
  private static final int CHUNK = 500;
  /** Results per page, within the engine's queryMaxResultsLimit. */
  private static final int PAGE = 1000;

  private final HistoryService historyService;
  /** A cycle's zone when it names none (or one unknown here): the configured one, as for the mails. */
  private final ZoneId defaultZone;

  @Autowired
  public CycleStatusReader(HistoryService historyService, HldPrepProperties properties) {
    this(historyService, properties.mail().defaultTimeZone());
  }

  public CycleStatusReader(HistoryService historyService, ZoneId defaultZone) {
    this.historyService = historyService;
    this.defaultZone = defaultZone;
  }

  /** The cycle's status: its latest master (a cycle's name may be reused once its instance ended), if any. */
  public Optional<CycleStatus> find(String cycle) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(cycle).orderByProcessInstanceStartTime().desc().listPage(0, 1).stream()
        .findFirst()
        .map(master -> status(master,
            variables(List.of(master.getId()), statusNames()).getOrDefault(master.getId(), Map.of())));
  }

  /**
   * The latest cycles, newest first, one per name, at most {@code max} masters read: each with its HLD date,
   * Regional Offices and zone only.
   */
  public List<CycleStatus> newest(int max) {
    Map<String, HistoricProcessInstance> latest = new LinkedHashMap<>();
    historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).orderByProcessInstanceStartTime()
        .desc().listPage(0, max).stream().filter(m -> m.getBusinessKey() != null)
        .forEach(m -> latest.putIfAbsent(m.getBusinessKey(), m));
    Map<String, Map<String, Object>> variables = variables(
        latest.values().stream().map(HistoricProcessInstance::getId).toList(), SUMMARY);
    return latest.values().stream().map(m -> status(m, variables.getOrDefault(m.getId(), Map.of()))).toList();
  }

  private static List<String> statusNames() {
    return Stream.concat(STATUS.stream(), CycleCalendar.keys().stream()).distinct().toList();
  }

  private CycleStatus status(HistoricProcessInstance master, Map<String, Object> variables) {
    return new CycleStatus(master.getBusinessKey(), master.getId(), master.getStartTime(), master.getEndTime(),
        zone(variables.get(CycleCalendar.TIME_ZONE)), variables);
  }

  private Map<String, Map<String, Object>> variables(Collection<String> masterIds, List<String> names) {
    Map<String, Map<String, Object>> byMaster = new LinkedHashMap<>();
    List<String> ids = List.copyOf(masterIds);
    for (int first = 0; first < ids.size(); first += CHUNK) {
      String[] chunk = ids.subList(first, Math.min(ids.size(), first + CHUNK)).toArray(String[]::new);
      // page by page: the engine refuses unbounded lists to a user (queryMaxResultsLimit)
      for (int page = 0;; page += PAGE) {
        List<HistoricVariableInstance> found = historyService.createHistoricVariableInstanceQuery()
            .processInstanceIdIn(chunk).variableNameIn(names.toArray(String[]::new))
            .disableCustomObjectDeserialization().orderByProcessInstanceId().asc().orderByVariableName().asc()
            .listPage(page, PAGE);
        for (HistoricVariableInstance variable : found) {
          Object value = value(variable);
          // the master's own variables, not those local to one of its steps
          if (value != null && variable.getProcessInstanceId().equals(variable.getExecutionId())) {
            byMaster.computeIfAbsent(variable.getProcessInstanceId(), k -> new LinkedHashMap<>())
                .put(variable.getName(), value);
          }
        }
        if (found.size() < PAGE) {
          break;
        }
      }
    }
    return byMaster;
  }

  /**
   * A plain value as it is; a JSON object variable as plain maps and lists (read as JSON, never as the
   * classes it names); any other serialized value as its text.
   */
  private static Object value(HistoricVariableInstance variable) {
    TypedValue typed = variable.getTypedValue();
    if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      String text = serializable.getValueSerialized();
      if (text != null && SerializationDataFormats.JSON.getName().equals(serializable.getSerializationDataFormat())) {
        try {
          return PlainJson.MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
          return text;
        }
      }
      return text;
    }
    return typed == null ? null : typed.getValue();
  }

  private ZoneId zone(Object zone) {
    if (zone != null) {
      try {
        return ZoneId.of(zone.toString());
      } catch (DateTimeException e) {
        // an unknown zone id: the default zone, as for the mails
      }
    }
    return defaultZone;
  }
}
