package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hldprep.engine.EngineClock;
import org.hldprep.platform.input.InputParser;
import org.springframework.stereotype.Component;

/**
 * What the Chair has before them when judging the text or deciding after a broken silence (create: listed
 * on the task): the objections to the broken silence ({@value CouncilJointStatementProcess#OBJECTIONS_BEFORE_THE_CHAIR};
 * one to the same silence arriving meanwhile is added by {@link RecordObjectionDelegate}) and the comments
 * on the draft raised while no text was under silence ({@value CouncilJointStatementProcess#COMMENTS_ON_THE_DRAFT}).
 * On completion exactly those are marked decided on (considered, with the decision) or noted.
 */
@Component("putObjectionsBeforeTheChairListener")
public class PutObjectionsBeforeTheChairListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    boolean afterSilence = TASK_DECIDE_AFTER_BROKEN_SILENCE.equals(task.getTaskDefinitionKey());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      if (afterSilence) {
        Silences.mark(execution, SILENCE_BROKEN);
      }
      list(task, afterSilence);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      String decision = String.valueOf(task.getVariable(afterSilence ? SILENCE_DECISION : READINESS_DECISION));
      List<String> considered = InputParser.codes(task.getVariableLocal(OBJECTION_IDS_BEFORE_THE_CHAIR));
      List<String> noted = InputParser.codes(task.getVariableLocal(COMMENT_IDS_ON_THE_DRAFT));
      ArrayNode objections = ProcessVariables.list(execution, OBJECTIONS);
      for (JsonNode objection : objections) {
        String id = objection.path("id").asText();
        if (considered.contains(id) || noted.contains(id)) {
          ((ObjectNode) objection).put("status", considered.contains(id) ? STATUS_CONSIDERED : STATUS_NOTED);
          ((ObjectNode) objection).put("decision", decision);
          ((ObjectNode) objection).put("decidedAt", EngineClock.now().toString());
        }
      }
      ProcessVariables.write(execution, OBJECTIONS, objections);
      if (afterSilence) {
        execution.getProcessInstance().setVariable(PENDING_OBJECTIONS, 0L);
        Silences.mark(execution, SILENCE_DECIDED);
      }
    }
  }

  /** (Re)lists on the task what is before the Chair. */
  static void list(DelegateTask task, boolean afterSilence) {
    List<String> objectionLines = new ArrayList<>();
    List<String> objectionIds = new ArrayList<>();
    List<String> commentLines = new ArrayList<>();
    List<String> commentIds = new ArrayList<>();
    long round = ProcessVariables.count(task.getExecution(), SILENCE_ROUND);
    for (JsonNode objection : ProcessVariables.list(task.getExecution(), OBJECTIONS)) {
      String status = objection.path("status").asText();
      if (afterSilence && STATUS_PENDING.equals(status) && objection.path("silenceRound").asLong() == round) {
        objectionIds.add(objection.path("id").asText());
        objectionLines.add(line(objection));
      } else if (STATUS_COMMENT_ON_DRAFT.equals(status)) {
        commentIds.add(objection.path("id").asText());
        commentLines.add(line(objection));
      }
    }
    if (afterSilence) {
      task.setVariableLocal(OBJECTION_IDS_BEFORE_THE_CHAIR, String.join(",", objectionIds));
      task.setVariableLocal(OBJECTIONS_BEFORE_THE_CHAIR, String.join("\n", objectionLines));
    }
    task.setVariableLocal(COMMENT_IDS_ON_THE_DRAFT, String.join(",", commentIds));
    task.setVariableLocal(COMMENTS_ON_THE_DRAFT, String.join("\n", commentLines));
  }

  private static String line(JsonNode objection) {
    return "#" + objection.path("id").asText() + " " + objection.path("countryName").asText() + " ("
        + objection.path("country").asText() + ", " + objection.path("channel").asText()
        + (objection.has("noteVerbaleReference") ? " " + objection.path("noteVerbaleReference").asText() : "")
        + (objection.has("silenceRound") ? ", silence " + objection.path("silenceRound").asText() : "")
        + "): " + objection.path("text").asText();
  }
}
