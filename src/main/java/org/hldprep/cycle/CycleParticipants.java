package org.hldprep.cycle;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.cycle.CycleAnswers.ParticipantChange;
import org.hldprep.engine.AsEngine;
import org.hldprep.platform.api.ConflictException;
import org.hldprep.platform.api.InvalidRequestException;
import org.hldprep.platform.api.NotFoundException;
import org.hldprep.platform.input.InputParser;
import org.hldprep.process.InputVariables;
import org.hldprep.process.RecordOutcomeListener;
import org.hldprep.process.hldpreparation.HldPreparationStartListener;
import org.hldprep.process.hldpreparation.Track;
import org.hldprep.process.nationalconsultation.NationalConsultationProcess;
import org.hldprep.reference.ReferenceData;
import org.hldprep.reference.UnknownReferenceCodeException;
import org.springframework.stereotype.Service;

/**
 * The participants of a running cycle: a Member State or an RCP added, withdrawn, or a national
 * consultation reopened. Each change is idempotent and told apart in the answer's state.
 */
@Service
public class CycleParticipants {

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final CycleCoordination coordination;
  private final CycleStatusReader statusReader;
  private final ReferenceData referenceData;

  CycleParticipants(RuntimeService runtimeService, HistoryService historyService, IdentityService identityService,
      CycleCoordination coordination, CycleStatusReader statusReader, ReferenceData referenceData) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.coordination = coordination;
    this.statusReader = statusReader;
    this.referenceData = referenceData;
  }

  /** A participant of a cycle: a Member State (national consultation) or an RCP (RCP contribution). */
  private record Participant(String code, Track track, String listVariable) {
  }

  /**
   * Adds a Member State or an RCP to a running cycle (idempotent): its track starts in the master with the
   * cycle's calendar, as if it had been there from the start, and is tallied like the others. Refused
   * (409) when the track's first deadline has already passed, unless the cycle replays a past year.
   */
  public ParticipantChange add(String cycle, String memberState, String rcp) {
    coordination.requireMayChangeCycles();
    if (InputParser.blank(memberState) == InputParser.blank(rcp)) {
      throw new InvalidRequestException("Give either memberState (ISO alpha-3) or rcp (RCP code)");
    }
    Participant participant = participant(memberState, rcp);
    CycleStatus master = runningMaster(cycle);
    if (latestChild(master.processInstanceId(), cycle, participant.code()) != null) {
      return change(cycle, participant, "already in the cycle");
    }
    requireFirstDeadlineAhead(master, participant.track());
    List<String> list = new ArrayList<>(InputParser.codes(master.variable(participant.listVariable())));
    list.add(participant.code());
    asEngine(() -> {
      runtimeService.setVariable(master.processInstanceId(), participant.listVariable(),
          HldPreparationStartListener.json(list));
      return correlateParticipant(cycle, participant, false);
    });
    return change(cycle, participant, "added");
  }

  /** Withdraws a Member State or an RCP (idempotent): its running track ends withdrawn and is tallied so. */
  public ParticipantChange withdraw(String cycle, String code) {
    coordination.requireMayChangeCycles();
    CycleStatus master = runningMaster(cycle);
    boolean memberState = referenceData.memberState(code).isPresent();
    Participant participant = participant(memberState ? code : null, memberState ? null : code);
    HistoricProcessInstance child = latestChild(master.processInstanceId(), cycle, participant.code());
    if (child == null) {
      throw new NotFoundException(participant.code() + " takes no part in cycle " + cycle);
    }
    if (child.getEndTime() == null) {
      asEngine(() -> runtimeService.createMessageCorrelation(MESSAGE_PARTICIPANT_WITHDRAWN)
          .processInstanceId(child.getId()).correlateWithResult());
      return change(cycle, participant, "withdrawn");
    }
    String outcome = outcomeOf(child);
    if (!OUTCOME_WITHDRAWN.equals(outcome)) {
      throw new ConflictException(participant.code() + "'s track already ended " + outcome + ": nothing to withdraw");
    }
    return change(cycle, participant, "withdrawn");
  }

  /**
   * Reopens a national consultation that ended no-response, the government having answered late
   * (idempotent): a new consultation of the country starts with the arrangements, while the consultations'
   * cut-off (the regional syntheses' deadline) is still ahead.
   */
  public ParticipantChange reopen(String cycle, String country) {
    coordination.requireMayChangeCycles();
    CycleStatus master = runningMaster(cycle);
    Participant participant = participant(country, null);
    HistoricProcessInstance child = latestChild(master.processInstanceId(), cycle, participant.code());
    if (child == null) {
      throw new NotFoundException(participant.code() + " takes no part in cycle " + cycle);
    }
    if (child.getEndTime() == null) {
      return change(cycle, participant, "running");
    }
    String outcome = outcomeOf(child);
    if (!NationalConsultationProcess.OUTCOME_NO_RESPONSE.equals(outcome)) {
      throw new ConflictException("Only a consultation that ended no-response can be reopened; "
          + participant.code() + "'s ended " + outcome);
    }
    LocalDate cutOff = master.date(CycleCalendar.REGIONAL_SYNTHESIS_DEADLINE);
    if (!master.replay() && cutOff != null && cutOff.isBefore(InputVariables.today(master.zone()))) {
      throw new ConflictException("Too late to reopen: the national consultations closed with the regional syntheses"
          + " on " + cutOff);
    }
    asEngine(() -> correlateParticipant(cycle, participant, true));
    return change(cycle, participant, "reopened");
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

  private static ParticipantChange change(String cycle, Participant participant, String state) {
    return new ParticipantChange(cycle, participant.code(), participant.track().processKey(),
        childBusinessKey(cycle, participant.code()), state);
  }

  private CycleStatus runningMaster(String cycle) {
    return asEngine(() -> statusReader.find(cycle)).filter(CycleStatus::running)
        .orElseThrow(() -> new NotFoundException("No running cycle " + cycle));
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

  private static void requireFirstDeadlineAhead(CycleStatus master, Track track) {
    if (master.replay()) {
      return;
    }
    LocalDate today = InputVariables.today(master.zone());
    for (String key : track.calendarKeys()) {
      LocalDate date = master.date(key);
      if (date != null && date.isBefore(today)) {
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

  private <T> T asEngine(Supplier<T> work) {
    return AsEngine.call(identityService, work);
  }
}
