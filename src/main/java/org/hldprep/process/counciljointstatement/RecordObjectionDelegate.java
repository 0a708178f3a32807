package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.hldprep.engine.EngineClock;
import org.hldprep.platform.input.InputParser;
import org.hldprep.process.InputVariables;
import org.hldprep.reference.IomMembership;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * An objection arrived (message {@value CouncilJointStatementProcess#MESSAGE_OBJECTION_RAISED}, accepted
 * whenever the track is open): it must come from a Member State that was an IOM Member State on the day
 * (reference data; a state whose membership the data does not know is refused, saying so), with a text,
 * and, when the secretariat records a note verbale for a mission, with the note's reference. Every
 * objection is kept in {@value CouncilJointStatementProcess#OBJECTIONS} with who recorded it for whom;
 * until the text is adopted it is pending: it breaks the silence (now, or as soon as the next one starts)
 * and is put before the Chair. One received after the adoption is recorded but reopens nothing.
 */
@Component("recordObjectionDelegate")
public class RecordObjectionDelegate implements JavaDelegate {

  private final ReferenceData referenceData;

  public RecordObjectionDelegate(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MemberState state = InputVariables.memberState(execution, OBJECTING_COUNTRY, referenceData);
    String text = InputVariables.required(execution, OBJECTION_TEXT);
    LocalDate today = InputVariables.today(InputVariables.timeZone(execution));
    requireIomMemberOn(referenceData, state, today);
    String channel = InputParser.blank(execution.getVariable(OBJECTION_CHANNEL))
        ? CHANNEL_PERMANENT_MISSION
        : execution.getVariable(OBJECTION_CHANNEL).toString();
    ObjectNode entry = ProcessVariables.entry();
    ArrayNode objections = ProcessVariables.list(execution, OBJECTIONS);
    entry.put("id", objections.size() + 1);
    entry.put("silenceRound", ProcessVariables.count(execution, SILENCE_ROUND));
    entry.put("country", state.iso3());
    entry.put("countryName", state.name());
    entry.put("text", text);
    entry.put("receivedAt", EngineClock.now().toString());
    entry.put("recordedBy", InputParser.blank(execution.getVariable(RECORDED_BY))
        ? "engine"
        : execution.getVariable(RECORDED_BY).toString());
    entry.put("channel", channel);
    if (CHANNEL_NOTE_VERBALE.equals(channel)) {
      entry.put("noteVerbaleReference", InputVariables.required(execution, NOTE_VERBALE_REFERENCE));
    }
    boolean adopted = textAdopted(execution);
    entry.put("status", adopted ? STATUS_AFTER_ADOPTION : STATUS_PENDING);
    ProcessVariables.append(execution, OBJECTIONS, entry);
    execution.getProcessInstance().setVariable(OBJECTION_COUNT, ProcessVariables.count(execution, OBJECTION_COUNT) + 1);
    // The message's details now live in the list; several objections may arrive one after the other.
    for (String detail : java.util.List.of(OBJECTING_COUNTRY, OBJECTION_TEXT, RECORDED_BY, OBJECTION_CHANNEL,
        NOTE_VERBALE_REFERENCE)) {
      execution.getProcessInstance().removeVariable(detail);
    }
    if (!adopted) {
      // Set last: the silence waits on this variable.
      execution.getProcessInstance().setVariable(PENDING_OBJECTIONS,
          ProcessVariables.count(execution, PENDING_OBJECTIONS) + 1);
    }
  }

  /** Only a Permanent Mission of an IOM Member State on that day may object; the data must say so. */
  public static void requireIomMemberOn(ReferenceData referenceData, MemberState state, LocalDate day) {
    IomMembership.Answer membership = referenceData.iomMembership(state.iso3()).on(day);
    switch (membership.status()) {
      case MEMBER -> {
      }
      case NOT_MEMBER -> throw new BadUserRequestException(state.name() + " (" + state.iso3()
          + ") was not an IOM Member State on " + day + " (" + membership.basis() + "): only the Permanent Mission"
          + " of an IOM Member State may object");
      default -> throw new BadUserRequestException("The reference data does not say whether " + state.name() + " ("
          + state.iso3() + ") was an IOM Member State on " + day + " (" + membership.basis() + "), so its objection"
          + " cannot be accepted: the secretariat should confirm the membership and complete iom-membership.csv");
    }
  }

  /** Whether the text was adopted under silence: the track has moved on to its endorsement or transmittal. */
  private static boolean textAdopted(DelegateExecution execution) {
    ActivityInstance tree = execution.getProcessEngineServices().getRuntimeService()
        .getActivityInstance(execution.getProcessInstanceId());
    return tree.getActivityInstances(SUB_PROCESS_ENDORSE_TEXT).length > 0
        || tree.getActivityInstances(TASK_TRANSMIT).length > 0;
  }
}
