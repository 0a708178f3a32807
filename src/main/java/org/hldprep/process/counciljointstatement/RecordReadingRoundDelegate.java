package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hldprep.engine.EngineClock;
import org.hldprep.process.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * Closes a reading round of the Friends of the Chair and keeps it in {@value
 * CouncilJointStatementProcess#READING_ROUNDS}: the comments of each delegation that answered (from {@value
 * CouncilJointStatementProcess#READING_ANSWERS}), delegation by delegation, for the Office of Legal Affairs
 * and the Chair, and the delegations that did not. Input parameter {@value CouncilJointStatementProcess#CLOSED_BY}:
 * {@code comments} when every delegation answered, {@code deadline} when the round's date came first.
 */
@Component("recordReadingRoundDelegate")
public class RecordReadingRoundDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String closedBy = String.valueOf(execution.getVariableLocal(CLOSED_BY));
    long round = ProcessVariables.count(execution, READING_ROUND);
    Object deadline = execution.getVariable(READING_DEADLINE);
    List<String> answered = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    for (JsonNode answer : ProcessVariables.list(execution, READING_ANSWERS)) {
      if (answer.path("round").asLong() == round) {
        answered.add(answer.path("delegation").asText());
        comments.add(answer.path("delegation").asText() + ": " + answer.path("comments").asText());
      }
    }
    List<String> silent = new ArrayList<>(JsonVariables.strings(execution.getVariable(FOTC_DELEGATIONS)));
    silent.removeAll(answered);
    String text = comments.isEmpty()
        ? "No delegation answered by the deadline of reading " + round + " (" + deadline + ")."
        : String.join("\n", comments) + (silent.isEmpty()
            ? ""
            : "\nNo answer by the deadline (" + deadline + ") from: " + String.join(", ", silent) + ".");
    execution.setVariable(READING_COMMENTS, text);
    execution.setVariable(DELEGATIONS_COMMENTING, String.join(", ", answered));
    execution.setVariable(DELEGATIONS_SILENT, String.join(", ", silent));
    ObjectNode entry = ProcessVariables.entry();
    entry.put("round", round);
    entry.put("deadline", String.valueOf(deadline));
    entry.put("closedBy", closedBy);
    entry.put("closedAt", EngineClock.now().toString());
    entry.put("comments", text);
    entry.put("delegations", String.join(", ", answered));
    entry.put("silentDelegations", String.join(", ", silent));
    ProcessVariables.append(execution, READING_ROUNDS, entry);
    execution.setVariable(ROUND_CLOSED_BY, closedBy);
  }
}
