package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hldprep.engine.EngineClock;
import org.hldprep.platform.input.InputParser;
import org.springframework.stereotype.Component;

/**
 * The Chair decides on every objection pending when the decision is opened (create: they are listed on
 * the task, {@value CouncilJointStatementProcess#OBJECTIONS_BEFORE_THE_CHAIR}); on completion exactly those
 * are marked considered, with the decision. An objection arriving while the Chair decides stays pending,
 * so the next silence breaks at once and the Chair decides on it too: none is lost.
 */
@Component("putObjectionsBeforeTheChairListener")
public class PutObjectionsBeforeTheChairListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      List<String> lines = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (JsonNode objection : ProcessVariables.list(task.getExecution(), OBJECTIONS)) {
        if (STATUS_PENDING.equals(objection.path("status").asText())) {
          ids.add(objection.path("id").asText());
          lines.add("#" + objection.path("id").asText() + " " + objection.path("countryName").asText() + " ("
              + objection.path("country").asText() + ", " + objection.path("channel").asText()
              + (objection.has("noteVerbaleReference") ? " " + objection.path("noteVerbaleReference").asText() : "")
              + "): " + objection.path("text").asText());
        }
      }
      task.setVariableLocal(OBJECTION_IDS_BEFORE_THE_CHAIR, String.join(",", ids));
      task.setVariableLocal(OBJECTIONS_BEFORE_THE_CHAIR, String.join("\n", lines));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      List<String> considered = InputParser.codes(task.getVariableLocal(OBJECTION_IDS_BEFORE_THE_CHAIR));
      ArrayNode objections = ProcessVariables.list(task.getExecution(), OBJECTIONS);
      for (JsonNode objection : objections) {
        if (considered.contains(objection.path("id").asText())) {
          ((ObjectNode) objection).put("status", STATUS_CONSIDERED);
          ((ObjectNode) objection).put("decision", String.valueOf(task.getVariable(SILENCE_DECISION)));
          ((ObjectNode) objection).put("decidedAt", EngineClock.now().toString());
        }
      }
      ProcessVariables.write(task.getExecution(), OBJECTIONS, objections);
      task.getExecution().getProcessInstance().setVariable(PENDING_OBJECTIONS,
          Math.max(0, ProcessVariables.count(task.getExecution(), PENDING_OBJECTIONS) - considered.size()));
    }
  }
}
