package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hldprep.engine.EngineClock;

/**
 * The silences the text went through ({@value CouncilJointStatementProcess#SILENCES}), each with the text
 * it concerns and the route it serves, and the state of the latest one ({@value
 * CouncilJointStatementProcess#SILENCE_STATUS}): what an objection is bound to.
 */
final class Silences {

  private Silences() {
  }

  /** A new silence starts on the circulated text: numbered, with no objection pending. */
  static void open(DelegateExecution execution) {
    long round = ProcessVariables.count(execution, SILENCE_ROUND) + 1;
    Instant now = EngineClock.now();
    Duration window = Duration.parse(execution.getVariable(SILENCE_WINDOW).toString());
    ObjectNode entry = ProcessVariables.entry();
    entry.put("round", round);
    entry.put("draftLink", String.valueOf(execution.getVariable(DRAFT_LINK)));
    entry.put("route", String.valueOf(execution.getVariable(AdoptionRoute.ROUTE)));
    entry.put("circulatedAt", now.toString());
    entry.put("endsAt", now.plus(window).toString());
    entry.put("status", SILENCE_RUNNING);
    ProcessVariables.append(execution, SILENCES, entry);
    execution.getProcessInstance().setVariable(SILENCE_ROUND, round);
    execution.getProcessInstance().setVariable(SILENCE_ENDS_AT, now.plus(window).toString());
    execution.getProcessInstance().setVariable(PENDING_OBJECTIONS, 0L);
    // Set last: an objection is bound to the silence from now on.
    execution.getProcessInstance().setVariable(SILENCE_STATUS, SILENCE_RUNNING);
  }

  /** The latest silence changes state (broken, decided, kept), noted with when. */
  static void mark(DelegateExecution execution, String status) {
    ArrayNode silences = ProcessVariables.list(execution, SILENCES);
    if (!silences.isEmpty()) {
      ObjectNode latest = (ObjectNode) silences.get(silences.size() - 1);
      latest.put("status", status);
      latest.put(status + "At", EngineClock.now().toString());
      ProcessVariables.write(execution, SILENCES, silences);
    }
    execution.getProcessInstance().setVariable(SILENCE_STATUS, status);
  }

  /** The state of the latest silence ({@value CouncilJointStatementProcess#SILENCE_NONE} before the first). */
  static String status(DelegateExecution execution) {
    Object status = execution.getVariable(SILENCE_STATUS);
    return status == null ? SILENCE_NONE : status.toString();
  }

  /** The latest silence's entry, or a missing node before the first. */
  static JsonNode latest(DelegateExecution execution) {
    ArrayNode silences = ProcessVariables.list(execution, SILENCES);
    return silences.isEmpty() ? ProcessVariables.entry().path("none") : silences.get(silences.size() - 1);
  }
}
