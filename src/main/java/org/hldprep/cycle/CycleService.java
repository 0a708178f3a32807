package org.hldprep.cycle;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.calendar.Deadlines;
import org.hldprep.engine.AsEngine;
import org.hldprep.platform.api.ConflictException;
import org.hldprep.platform.api.ForbiddenException;
import org.hldprep.platform.api.InvalidRequestException;
import org.hldprep.platform.api.NotFoundException;
import org.hldprep.platform.input.InputLimits;
import org.hldprep.platform.input.InputParser;
import org.hldprep.platform.settings.HldPrepProperties;
import org.hldprep.process.InputVariables;
import org.hldprep.process.RecordOutcomeListener;
import org.hldprep.process.cebhlcppaper.CebHlcpPaperProcess;
import org.hldprep.process.counciljointstatement.CouncilJointStatementProcess;
import org.hldprep.process.hldpreparation.CycleDefinition;
import org.hldprep.process.hldpreparation.CycleNameTakenException;
import org.hldprep.process.hldpreparation.HldPreparationStartListener;
import org.hldprep.process.hldpreparation.RecordHldOutcomeDelegate;
import org.hldprep.process.hldpreparation.Track;
import org.hldprep.process.nationalconsultation.NationalConsultationProcess;
import org.hldprep.reference.ReferenceData;
import org.hldprep.reference.UnknownReferenceCodeException;
import org.hldprep.routing.GroupIds;
import org.springframework.stereotype.Service;

/** Starting, reading and messaging cycles; the REST layer's single entry into the engine for them. */
@Service
public class CycleService {

  /** An event from outside the Tasklist: who may send it, which instance receives it, what it carries. */
  record ExternalEvent(String message, Set<String> senderGroups, boolean permanentMissions, String targetSuffix,
      List<String> requiredFields, List<String> optionalFields) {
  }

  static final Map<String, ExternalEvent> EVENTS = Map.of(
      // A Permanent Mission objects for its own country; the Council secretariat records an objection
      // received by note verbale for the mission it names (with the note's reference).
      "ObjectionRaised", new ExternalEvent("ObjectionRaised", Set.of(GroupIds.ICP_GOVERNING_BODIES), true,
          "council-joint-statement", List.of("objectionText"), List.of()),
      "RcpInputReceived", new ExternalEvent("RcpInputReceived", Set.of(GroupIds.ICP_RCP), false, null,
          List.of("rcpCode", "rcpInputLink"), List.of("rcpInputSummary")),
      "OutcomeDraftCirculated", new ExternalEvent("OutcomeDraftCirculated",
          Set.of(GroupIds.LIAISON_NEW_YORK, GroupIds.ICP), false, "pga-outcome-input",
          List.of("draftLabel", "draftLink"), List.of()),
      "OutcomeAdopted", new ExternalEvent("OutcomeAdopted", Set.of(GroupIds.LIAISON_NEW_YORK, GroupIds.ICP), false,
          "pga-outcome-input", List.of("outcomeSymbol"), List.of()),
      MESSAGE_CALENDAR_CHANGED, new ExternalEvent(MESSAGE_CALENDAR_CHANGED, Set.of(GroupIds.ICP), false, "",
          List.of(CALENDAR_CHANGES), List.of(CycleCalendar.REPLAY)),
      // The CEB/HLCP paper: partnerships (iom-icp-ip) follow HLCP and the CEB, ICP may send for them.
      CebHlcpPaperProcess.MESSAGE_HLCP_OUTCOME_RECEIVED, new ExternalEvent(
          CebHlcpPaperProcess.MESSAGE_HLCP_OUTCOME_RECEIVED, Set.of(GroupIds.ICP_PARTNERSHIPS, GroupIds.ICP), false,
          CebHlcpPaperProcess.KEY, List.of(CebHlcpPaperProcess.HLCP_OUTCOME),
          List.of(CebHlcpPaperProcess.HLCP_COMMENTS, CebHlcpPaperProcess.HLCP_REPORT_LINK)),
      CebHlcpPaperProcess.MESSAGE_CEB_DECISION_RECEIVED, new ExternalEvent(
          CebHlcpPaperProcess.MESSAGE_CEB_DECISION_RECEIVED, Set.of(GroupIds.ICP_PARTNERSHIPS, GroupIds.ICP), false,
          CebHlcpPaperProcess.KEY, List.of(CebHlcpPaperProcess.CEB_DECISION),
          List.of(CebHlcpPaperProcess.CEB_REPORT_LINK)),
      // The Dialogue is over: New York (iom-slo-nyc) or ICP sends the outcome's symbol to the master.
      MESSAGE_HLD_CONCLUDED, new ExternalEvent(MESSAGE_HLD_CONCLUDED,
          Set.of(GroupIds.LIAISON_NEW_YORK, GroupIds.ICP), false, "", List.of(HLD_OUTCOME_SYMBOL),
          List.of(HLD_OUTCOME_TITLE, HLD_OUTCOME_LINK)));

  /**
   * What a field of an event must look like, checked before anything is sent (a 400 naming the field);
   * the receiving step checks the same again in the correlation's transaction.
   */
  static final Map<String, FieldFormat> FIELD_FORMATS = Map.of(
      CebHlcpPaperProcess.HLCP_OUTCOME, FieldFormat.oneOf(CebHlcpPaperProcess.HLCP_OUTCOMES),
      CebHlcpPaperProcess.CEB_DECISION, FieldFormat.oneOf(CebHlcpPaperProcess.CEB_DECISIONS),
      CebHlcpPaperProcess.HLCP_REPORT_LINK, FieldFormat.LINK,
      CebHlcpPaperProcess.CEB_REPORT_LINK, FieldFormat.LINK,
      HLD_OUTCOME_SYMBOL,
      new FieldFormat(RecordHldOutcomeDelegate.UN_SYMBOL, "a UN document symbol such as A/RES/68/4"),
      HLD_OUTCOME_LINK, FieldFormat.LINK);

  record FieldFormat(Pattern pattern, String expected) {
    static final FieldFormat LINK = new FieldFormat(RecordHldOutcomeDelegate.LINK, "an http(s) address");

    static FieldFormat oneOf(Set<String> values) {
      Set<String> sorted = new TreeSet<>(values);
      return new FieldFormat(Pattern.compile(sorted.stream().map(Pattern::quote).collect(Collectors.joining("|"))),
          "one of " + String.join(", ", sorted));
    }
  }

  static final int CORRELATION_ATTEMPTS = 3;

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final ReferenceData referenceData;
  /** The zone of a cycle started without one: the configured default, as for the mails and the board. */
  private final ZoneId defaultZone;

  public CycleService(RuntimeService runtimeService, HistoryService historyService, IdentityService identityService,
      AuthorizationService authorizationService, ReferenceData referenceData, HldPrepProperties properties) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.referenceData = referenceData;
    this.defaultZone = properties.mail().defaultTimeZone();
  }

  /**
   * Checks everything first (400 naming the bad value: codes, dates, their order, dates already past
   * unless {@code replay}), then starts the master as the caller with the dates given (the others follow
   * the HLD).
   */
  public Map<String, Object> start(String cycle, List<String> memberStates, List<String> rcps,
      Map<String, String> calendar, String timeZone, Boolean replay) {
    requireMayStartCycles();
    Map<String, String> dates = calendar == null ? Map.of() : calendar;
    for (String key : dates.keySet()) {
      if (!CycleCalendar.isCalendarKey(key)) {
        throw new InvalidRequestException("Unknown calendar date '" + key + "': expected one of "
            + String.join(", ", CycleCalendar.keys()));
      }
    }
    CycleDefinition definition;
    try {
      definition = CycleDefinition.of(cycle, memberStates, rcps, dates,
          InputParser.blank(timeZone) ? defaultZone.getId() : timeZone, replay, referenceData,
          InputVariables::today);
    } catch (UnknownReferenceCodeException | IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    VariableMap variables = Variables.createVariables()
        .putValue(MEMBER_STATES, String.join(",", definition.memberStates()))
        .putValue(RCPS, String.join(",", definition.rcps()))
        .putValue(CycleCalendar.TIME_ZONE, definition.timeZone().getId())
        .putValue(CycleCalendar.REPLAY, definition.replay());
    dates.forEach(variables::putValue);
    ProcessInstance instance;
    try {
      instance = runtimeService.createProcessInstanceByKey(KEY).businessKey(definition.cycle())
          .setVariables(variables).execute();
    } catch (CycleNameTakenException e) {
      throw new ConflictException(e.getMessage());
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("cycle", definition.cycle());
    result.put("processInstanceId", instance.getId());
    result.put("memberStates", definition.memberStates().size());
    result.put("rcps", definition.rcps().size());
    result.put("regionalOffices", definition.regionalOffices());
    result.put("timeZone", definition.timeZone().getId());
    result.put("replay", definition.replay());
    result.put("calendar", definition.calendar());
    return result;
  }

  /**
   * Adds a Member State or an RCP to a running cycle (idempotent): its track starts in the master with the
   * cycle's calendar, as if it had been there from the start, and is tallied like the others. Refused
   * (409) when the track's first deadline has already passed, unless the cycle replays a past year.
   */
  public Map<String, Object> addParticipant(String cycle, String memberState, String rcp) {
    requireMayStartCycles();
    if (InputParser.blank(memberState) == InputParser.blank(rcp)) {
      throw new InvalidRequestException("Give either memberState (ISO alpha-3) or rcp (RCP code)");
    }
    Participant participant = participant(memberState, rcp);
    ProcessInstance master = runningMaster(cycle);
    Map<String, Object> result = participantResult(cycle, participant);
    if (latestChild(master.getId(), cycle, participant.code()) != null) {
      result.put("state", "already in the cycle");
      return result;
    }
    requireFirstDeadlineAhead(master, participant.track());
    List<String> list = new java.util.ArrayList<>(
        InputParser.codes(asEngine(() -> runtimeService.getVariable(master.getId(), participant.listVariable()))));
    list.add(participant.code());
    asEngine(() -> {
      runtimeService.setVariable(master.getId(), participant.listVariable(), HldPreparationStartListener.json(list));
      return correlateParticipant(cycle, participant, false);
    });
    result.put("state", "added");
    return result;
  }

  /** Withdraws a Member State or an RCP (idempotent): its running track ends withdrawn and is tallied so. */
  public Map<String, Object> withdraw(String cycle, String code) {
    requireMayStartCycles();
    ProcessInstance master = runningMaster(cycle);
    Participant participant = participant(referenceData.memberState(code).isPresent() ? code : null,
        referenceData.memberState(code).isPresent() ? null : code);
    Map<String, Object> result = participantResult(cycle, participant);
    HistoricProcessInstance child = latestChild(master.getId(), cycle, participant.code());
    if (child == null) {
      throw new NotFoundException(participant.code() + " takes no part in cycle " + cycle);
    }
    if (child.getEndTime() == null) {
      asEngine(() -> runtimeService.createMessageCorrelation(MESSAGE_PARTICIPANT_WITHDRAWN)
          .processInstanceId(child.getId()).correlateWithResult());
      result.put("state", "withdrawn");
      return result;
    }
    String outcome = outcomeOf(child);
    if (!OUTCOME_WITHDRAWN.equals(outcome)) {
      throw new ConflictException(participant.code() + "'s track already ended " + outcome + ": nothing to withdraw");
    }
    result.put("state", "withdrawn");
    return result;
  }

  /**
   * Reopens a national consultation that ended no-response, the government having answered late
   * (idempotent): a new consultation of the country starts with the arrangements, while the consultations'
   * cut-off (the regional syntheses' deadline) is still ahead.
   */
  public Map<String, Object> reopen(String cycle, String country) {
    requireMayStartCycles();
    ProcessInstance master = runningMaster(cycle);
    Participant participant = participant(country, null);
    Map<String, Object> result = participantResult(cycle, participant);
    HistoricProcessInstance child = latestChild(master.getId(), cycle, participant.code());
    if (child == null) {
      throw new NotFoundException(participant.code() + " takes no part in cycle " + cycle);
    }
    if (child.getEndTime() == null) {
      result.put("state", "running");
      return result;
    }
    String outcome = outcomeOf(child);
    if (!NationalConsultationProcess.OUTCOME_NO_RESPONSE.equals(outcome)) {
      throw new ConflictException("Only a consultation that ended no-response can be reopened; "
          + participant.code() + "'s ended " + outcome);
    }
    Map<String, Object> dates = asEngine(() -> runtimeService.getVariables(master.getId()));
    LocalDate cutOff = LocalDate.parse(dates.get(CycleCalendar.REGIONAL_SYNTHESIS_DEADLINE).toString());
    if (!Boolean.TRUE.equals(dates.get(CycleCalendar.REPLAY))
        && cutOff.isBefore(InputVariables.today(Deadlines.zone(dates.get(CycleCalendar.TIME_ZONE))))) {
      throw new ConflictException("Too late to reopen: the national consultations closed with the regional syntheses"
          + " on " + cutOff);
    }
    asEngine(() -> correlateParticipant(cycle, participant, true));
    result.put("state", "reopened");
    return result;
  }

  /** A participant of a cycle: a Member State (national consultation) or an RCP (RCP contribution). */
  private record Participant(String code, Track track, String listVariable) {
  }

  private Participant participant(String memberState, String rcp) {
    try {
      return memberState != null
          ? new Participant(referenceData.requireMemberState(memberState).iso3(), Track.NATIONAL_CONSULTATION,
              MEMBER_STATES)
          : new Participant(referenceData.requireRcp(rcp).code(), Track.RCP_CONTRIBUTION, RCPS);
    } catch (UnknownReferenceCodeException e) {
      throw new InvalidRequestException(e.getMessage());
    }
  }

  private static Map<String, Object> participantResult(String cycle, Participant participant) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("cycle", cycle);
    result.put("participant", participant.code());
    result.put("process", participant.track().processKey());
    result.put("businessKey", childBusinessKey(cycle, participant.code()));
    return result;
  }

  private ProcessInstance runningMaster(String cycle) {
    ProcessInstance master = asEngine(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(cycle).singleResult());
    if (master == null) {
      throw new NotFoundException("No running cycle " + cycle);
    }
    return master;
  }

  /** The cycle's latest child of that business key (a reopened consultation has two), or null. */
  private HistoricProcessInstance latestChild(String masterId, String cycle, String code) {
    return asEngine(() -> historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(masterId)
        .processInstanceBusinessKey(childBusinessKey(cycle, code)).orderByProcessInstanceStartTime().desc()
        .listPage(0, 1).stream().findFirst().orElse(null));
  }

  private String outcomeOf(HistoricProcessInstance child) {
    return asEngine(() -> historyService.createHistoricVariableInstanceQuery().processInstanceId(child.getId())
        .variableName(RecordOutcomeListener.OUTCOME).list().stream().map(v -> String.valueOf(v.getValue()))
        .findFirst().orElse("without an outcome"));
  }

  private void requireFirstDeadlineAhead(ProcessInstance master, Track track) {
    Map<String, Object> dates = asEngine(() -> runtimeService.getVariables(master.getId()));
    if (Boolean.TRUE.equals(dates.get(CycleCalendar.REPLAY))) {
      return;
    }
    LocalDate today = InputVariables.today(Deadlines.zone(dates.get(CycleCalendar.TIME_ZONE)));
    for (String key : track.calendarKeys()) {
      LocalDate date = LocalDate.parse(String.valueOf(dates.get(key)));
      if (date.isBefore(today)) {
        throw new ConflictException("Too late to add to this cycle: its " + track.processKey() + " deadline " + key
            + " (" + date + ") has passed. Move the cycle's dates with CalendarChanged first.");
      }
    }
  }

  private Object correlateParticipant(String cycle, Participant participant, boolean reopened) {
    return runtimeService.createMessageCorrelation(MESSAGE_PARTICIPANT_ADDED).processInstanceBusinessKey(cycle)
        .setVariable(PARTICIPANT_PROCESS, participant.track().processKey())
        .setVariable(PARTICIPANT_CODE, participant.code())
        .setVariable(NationalConsultationProcess.REOPENED, reopened).correlateWithResult();
  }

  /** Who may not start a cycle hears so first (403), before any check of what they sent. */
  private void requireMayStartCycles() {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller != null && !authorizationService.isUserAuthorized(caller.getUserId(), caller.getGroupIds(),
        Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, KEY)) {
      throw new ForbiddenException("Only HLD coordination (group " + GroupIds.ICP + ") may start or change cycles");
    }
  }

  /** The cycle as the caller may see it (engine authorizations apply), with its tallies. */
  public Map<String, Object> status(String cycle) {
    HistoricProcessInstance master = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(cycle).orderByProcessInstanceStartTime().desc().listPage(0, 1).stream()
        .findFirst().orElseThrow(() -> new NotFoundException("No cycle " + cycle + " that you may see"));
    Map<String, Object> variables = historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(master.getId()).variableNameIn(CONSULTATION_OUTCOMES, RCP_OUTCOMES, TRACK_OUTCOMES,
            ROUNDTABLE_OUTCOMES, COMMISSION_OUTCOMES, HLD_OUTCOME, HLD_OUTCOME_SYMBOL, CycleCalendar.HLD_DATE,
            CycleCalendar.TIME_ZONE, MEMBER_STATES, RCPS, OPEN_CHILDREN, OPEN_AT_REPORT)
        .listPage(0, 100).stream()
        .filter(v -> v.getValue() != null)
        .collect(Collectors.toMap(v -> v.getName(), v -> v.getValue(), (a, b) -> a, LinkedHashMap::new));
    // How many children run, per process, whether or not the caller may read their instances (the
    // coordination does not read the Council's): a count, once the caller may see the cycle (above).
    Map<String, Long> openChildren = asEngine(() -> runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(master.getId()).listPage(0, 1000).stream()
        .collect(Collectors.groupingBy(p -> definitionKey(p.getProcessDefinitionId()), Collectors.counting())));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("cycle", cycle);
    result.put("processInstanceId", master.getId());
    result.put("state", master.getEndTime() == null ? "running" : "ended");
    result.put("startTime", master.getStartTime());
    result.put("endTime", master.getEndTime());
    result.putAll(variables);
    // Beside the master's own count (openChildren, recorded as children end): what runs now, per process.
    result.put("openChildrenByProcess", openChildren);
    return result;
  }

  /**
   * Correlates an external event to the instance of this cycle that waits for it. The caller's groups
   * decide (a Permanent Mission objects for its own country only); the correlation itself then runs
   * as the engine, since the sender needs no rights on the instance beyond this one event.
   */
  public Map<String, Object> send(String cycle, String message, Map<String, Object> body, String userId,
      List<String> groups) {
    ExternalEvent event = EVENTS.get(message);
    if (event == null) {
      throw new NotFoundException("Unknown event '" + message + "': expected one of "
          + String.join(", ", EVENTS.keySet()));
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    if (event.permanentMissions()) {
      variables.putAll(objector(message, body, userId, groups, event.senderGroups()));
    } else if (groups.stream().noneMatch(event.senderGroups()::contains)) {
      throw new ForbiddenException("Only members of " + String.join(" or ", event.senderGroups()) + " may send "
          + message);
    }
    List<String> known = knownFields(event);
    for (String field : body.keySet()) {
      if (!known.contains(field)) {
        throw new InvalidRequestException("Unknown field '" + abbreviated(field) + "' for " + message + ": expected "
            + String.join(", ", known));
      }
    }
    for (String field : event.requiredFields()) {
      Object value = body.get(field);
      if (value == null || value.toString().isBlank()) {
        throw new InvalidRequestException("The field '" + field + "' is required for " + message);
      }
      variables.put(field, value);
    }
    event.optionalFields().forEach(f -> {
      if (body.get(f) != null) {
        variables.put(f, body.get(f));
      }
    });
    variables.forEach((field, value) -> {
      if (value instanceof String text && text.length() > InputLimits.MAX_TEXT) {
        throw new InvalidRequestException("The field '" + field + "' of " + message + " may be at most "
            + InputLimits.MAX_TEXT + " characters long (it has " + text.length() + ")");
      }
      FieldFormat format = FIELD_FORMATS.get(field);
      if (format != null && !format.pattern().matcher(value.toString().trim()).matches()) {
        throw new InvalidRequestException("The field '" + field + "' of " + message + " must be " + format.expected()
            + ", got '" + abbreviated(value.toString()) + "'");
      }
    });
    String target = target(cycle, event, variables);
    if (MESSAGE_CALENDAR_CHANGED.equals(message)) {
      Object replay = variables.remove(CycleCalendar.REPLAY);
      variables.put(CALENDAR_CHANGES, HldPreparationStartListener.json(checkedCalendarChange(cycle,
          variables.get(CALENDAR_CHANGES), replay)));
      if (replay != null) {
        variables.put(CALENDAR_CHANGE_REPLAY, replay);
      }
    }
    asEngine(() -> {
      // The job executor may be moving the same instance on (a child ending, a timer): a concurrent
      // update is retried a few times before the client is told to send again.
      for (int attempt = 1;; attempt++) {
        try {
          var correlation = runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(target);
          // An objection's details belong to its own event sub-process: several may arrive at once.
          return (event.permanentMissions()
              ? correlation.setVariablesLocal(variables)
              : correlation.setVariables(variables)).correlateWithResult();
        } catch (BadUserRequestException e) {
          throw new InvalidRequestException(e.getMessage());
        } catch (MismatchingMessageCorrelationException e) {
          throw new ConflictException(
              "Nothing in cycle " + cycle + " is waiting for " + message + " now (" + target + ")");
        } catch (OptimisticLockingException e) {
          if (attempt == CORRELATION_ATTEMPTS) {
            throw new ConflictException(target + " changed at the same moment; send " + message + " again");
          }
        }
      }
    });
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("message", message);
    result.put("businessKey", target);
    result.put("sentBy", userId);
    return result;
  }

  /** The fields an event's body may carry; an objection also names the mission and the note verbale. */
  private static List<String> knownFields(ExternalEvent event) {
    List<String> known = new java.util.ArrayList<>(event.requiredFields());
    known.addAll(event.optionalFields());
    if (event.permanentMissions()) {
      known.addAll(List.of(CouncilJointStatementProcess.OBJECTING_COUNTRY,
          CouncilJointStatementProcess.NOTE_VERBALE_REFERENCE));
    }
    return known;
  }

  /**
   * Who objects for whom: a Permanent Mission (group pm-iso3) for its own country, or the Council
   * secretariat for the mission named in the body, by note verbale (its reference required). The
   * recorder is kept with the objection, so the history shows who recorded it for whom.
   */
  private Map<String, Object> objector(String message, Map<String, Object> body, String userId, List<String> groups,
      Set<String> proxies) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(CouncilJointStatementProcess.RECORDED_BY, userId);
    String mission = groups.stream().filter(g -> g.startsWith("pm-")).findFirst().orElse(null);
    if (mission != null) {
      variables.put(CouncilJointStatementProcess.OBJECTING_COUNTRY, mission.substring(3).toUpperCase(Locale.ROOT));
      variables.put(CouncilJointStatementProcess.OBJECTION_CHANNEL,
          CouncilJointStatementProcess.CHANNEL_PERMANENT_MISSION);
      return variables;
    }
    if (groups.stream().noneMatch(proxies::contains)) {
      throw new ForbiddenException("Only a Permanent Mission (group pm-<iso3>), or the Council secretariat ("
          + GroupIds.ICP_GOVERNING_BODIES + ") for an objection received by note verbale, may send " + message);
    }
    for (String field : List.of(CouncilJointStatementProcess.OBJECTING_COUNTRY,
        CouncilJointStatementProcess.NOTE_VERBALE_REFERENCE)) {
      if (InputParser.blank(body.get(field))) {
        throw new InvalidRequestException("The field '" + field + "' is required when the secretariat records an"
            + " objection received by note verbale");
      }
      variables.put(field, body.get(field).toString().trim());
    }
    variables.put(CouncilJointStatementProcess.OBJECTION_CHANNEL, CouncilJointStatementProcess.CHANNEL_NOTE_VERBALE);
    return variables;
  }

  private String target(String cycle, ExternalEvent event, Map<String, Object> variables) {
    if (event.targetSuffix() == null) {
      String rcpCode;
      try {
        rcpCode = referenceData.requireRcp(String.valueOf(variables.get("rcpCode"))).code();
      } catch (UnknownReferenceCodeException e) {
        throw new InvalidRequestException(e.getMessage());
      }
      variables.put("rcpCode", rcpCode);
      return cycle + "-" + rcpCode;
    }
    return event.targetSuffix().isEmpty() ? cycle : cycle + "-" + event.targetSuffix();
  }

  /**
   * The dates of a CalendarChanged, checked against the running cycle as the master will check them
   * (a 400 before anything is sent): known keys, ISO dates, order, nothing still ahead moved into the
   * past unless the message or the cycle says replay.
   */
  @SuppressWarnings("unchecked")
  private Map<String, String> checkedCalendarChange(String cycle, Object value, Object replay) {
    if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
      throw new InvalidRequestException(
          "calendarChanges must be an object of calendar dates, e.g. {\"hldDate\": \"2013-10-03\"}");
    }
    Map<String, String> changes = new LinkedHashMap<>();
    ((Map<String, Object>) map).forEach((key, date) -> changes.put(key, String.valueOf(date)));
    ProcessInstance master = asEngine(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(cycle).singleResult());
    if (master == null) {
      throw new ConflictException("No running cycle " + cycle + " to change the calendar of");
    }
    Map<String, Object> current = asEngine(() -> runtimeService.getVariables(master.getId()));
    try {
      boolean isReplay = Boolean.TRUE.equals(current.get(CycleCalendar.REPLAY))
          || (!InputParser.blank(replay) && InputParser.flag(CycleCalendar.REPLAY, replay));
      ZoneId zone = Deadlines.zone(current.get(CycleCalendar.TIME_ZONE));
      CycleCalendar.changeChecked(current,
          new LinkedHashSet<>(InputParser.codes(current.get(CycleCalendar.GIVEN_DATES))),
          changes, isReplay, InputVariables.today(zone));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    return changes;
  }

  private <T> T asEngine(Supplier<T> work) {
    return AsEngine.call(identityService, work);
  }

  private static String definitionKey(String processDefinitionId) {
    return processDefinitionId.substring(0, processDefinitionId.indexOf(':'));
  }

  private static String abbreviated(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }
}
