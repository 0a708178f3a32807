package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;
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
 * and, when the secretariat records a note verbale for a mission, with the note's reference. It is bound to
 * the text it concerns:
 * <ul>
 *   <li>while a text is under silence (or its broken silence is before the Chair), the objection must name
 *       that silence ({@value CouncilJointStatementProcess#OBJECTED_SILENCE}); it is pending, breaks the
 *       silence and goes before the Chair with the others to that silence;</li>
 *   <li>while no text is under silence (the Friends of the Chair still drafting, the route being decided,
 *       the text being revised), it is a comment on the draft for the Chair and breaks no later silence;</li>
 *   <li>once the text is settled for a session, or adopted, it is recorded and reopens nothing.</li>
 * </ul>
 * An objection naming a silence that is not the one under way is refused (400), naming the one that is.
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
    String status = bind(execution, entry);
    entry.put("status", status);
    ProcessVariables.append(execution, OBJECTIONS, entry);
    execution.getProcessInstance().setVariable(OBJECTION_COUNT, ProcessVariables.count(execution, OBJECTION_COUNT) + 1);
    // The message's details now live in the list; several objections may arrive one after the other.
    for (String detail : java.util.List.of(OBJECTING_COUNTRY, OBJECTION_TEXT, RECORDED_BY, OBJECTION_CHANNEL,
        NOTE_VERBALE_REFERENCE, OBJECTED_SILENCE)) {
      execution.getProcessInstance().removeVariable(detail);
    }
    if (STATUS_PENDING.equals(status)) {
      Task decision = openDecisionAfterSilence(execution);
      if (decision == null) {
        // Set last: the silence waits on this variable.
        execution.getProcessInstance().setVariable(PENDING_OBJECTIONS,
            ProcessVariables.count(execution, PENDING_OBJECTIONS) + 1);
      } else {
        // The silence is already broken: the Chair has this objection before them too.
        PutObjectionsBeforeTheChairListener.list((DelegateTask) decision, true);
      }
    }
  }

  /** The objection's status, bound to the text it concerns; a 400 if it names another silence than the one under way. */
  private static String bind(DelegateExecution execution, ObjectNode entry) {
    String silence = Silences.status(execution);
    long round = ProcessVariables.count(execution, SILENCE_ROUND);
    Object named = execution.getVariable(OBJECTED_SILENCE);
    boolean underSilence = SILENCE_RUNNING.equals(silence) || SILENCE_BROKEN.equals(silence);
    if (underSilence) {
      String current = "silence " + round + " on the text " + Silences.latest(execution).path("draftLink").asText()
          + ", circulated at " + Silences.latest(execution).path("circulatedAt").asText();
      if (InputParser.blank(named)) {
        throw new BadUserRequestException("Name the silence the objection concerns (" + OBJECTED_SILENCE + "): the"
            + " text under silence now is " + current);
      }
      long namedRound = InputVariables.checked(() -> InputParser.wholeNumber(OBJECTED_SILENCE, named, 1));
      if (namedRound != round) {
        throw new BadUserRequestException("Silence " + namedRound + " is not under way: the text under silence now"
            + " is " + current + "; an objection concerns the text it names");
      }
      entry.put("silenceRound", round);
      entry.put("draftLink", Silences.latest(execution).path("draftLink").asText());
      return STATUS_PENDING;
    }
    if (!InputParser.blank(named)) {
      throw new BadUserRequestException("No text is under silence now (silence " + named + " is over or never ran):"
          + " send the objection without " + OBJECTED_SILENCE + ", as a comment on the draft for the Chair");
    }
    if (SILENCE_KEPT.equals(silence)) {
      entry.put("silenceRound", round);
      return textAdopted(execution) ? STATUS_AFTER_ADOPTION : STATUS_BEFORE_SESSION;
    }
    return STATUS_COMMENT_ON_DRAFT;
  }

  private static Task openDecisionAfterSilence(DelegateExecution execution) {
    return execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(TASK_DECIDE_AFTER_BROKEN_SILENCE)
        .singleResult();
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

  /** Whether the text was adopted: under silence on the intersessional route, or the track is at its transmittal. */
  private static boolean textAdopted(DelegateExecution execution) {
    if (AdoptionRoute.INTERSESSIONAL.equals(execution.getVariable(AdoptionRoute.ROUTE))) {
      return true;
    }
    ActivityInstance tree = execution.getProcessEngineServices().getRuntimeService()
        .getActivityInstance(execution.getProcessInstanceId());
    return tree.getActivityInstances(TASK_TRANSMIT).length > 0;
  }
}
