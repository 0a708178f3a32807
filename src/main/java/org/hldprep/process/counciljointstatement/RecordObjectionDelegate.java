package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hldprep.process.InputVariables;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * A Permanent Mission broke the silence (message {@value CouncilJointStatementProcess#MESSAGE_OBJECTION_RAISED}):
 * the objecting Member State must be one of the reference list and the objection must have a text,
 * otherwise the correlation is refused (400) and the silence keeps running. The objection is added to the
 * list {@value CouncilJointStatementProcess#OBJECTIONS}, which keeps every objection of every silence round.
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
    execution.setVariable(OBJECTING_COUNTRY, state.iso3());
    ObjectNode entry = ProcessVariables.entry();
    entry.put("silenceRound", ProcessVariables.count(execution, SILENCE_ROUND));
    entry.put("country", state.iso3());
    entry.put("countryName", state.name());
    entry.put("text", text);
    entry.put("receivedAt", ClockUtil.getCurrentTime().toInstant().toString());
    ProcessVariables.append(execution, OBJECTIONS, entry);
    execution.setVariable(OBJECTION_COUNT, ProcessVariables.count(execution, OBJECTION_COUNT) + 1);
  }
}
