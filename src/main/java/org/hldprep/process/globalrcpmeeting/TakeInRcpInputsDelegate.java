package org.hldprep.process.globalrcpmeeting;

import static org.hldprep.process.globalrcpmeeting.GlobalRcpMeetingProcess.RCP_INPUTS_RECEIVED;
import static org.hldprep.process.globalrcpmeeting.GlobalRcpMeetingProcess.RCP_INPUTS_RECEIVED_COUNT;

import java.util.List;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.hldprep.engine.EngineCommand;
import org.hldprep.process.rcpcontribution.RcpContributionProcess;
import org.springframework.stereotype.Component;

/**
 * On the meeting day: the RCP inputs received by then, from the cycle's RCP contributions (every one,
 * running or ended, that holds an input link: logged or waiting to be logged), listed for the meeting's
 * summary ({@value GlobalRcpMeetingProcess#RCP_INPUTS_RECEIVED}). A meeting run on its own, outside a
 * cycle, has none to take in.
 */
@Component("takeInRcpInputsDelegate")
public class TakeInRcpInputsDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    TreeSet<String> received = new TreeSet<>();
    DelegateExecution master = execution.getSuperExecution();
    if (master != null) {
      HistoryService history = execution.getProcessEngineServices().getHistoryService();
      EngineCommand.withoutAuthorization(() -> {
        List<HistoricProcessInstance> contributions = history.createHistoricProcessInstanceQuery()
            .superProcessInstanceId(master.getProcessInstanceId()).processDefinitionKey(RcpContributionProcess.KEY)
            .list();
        if (!contributions.isEmpty()) {
          for (HistoricVariableInstance code : history.createHistoricVariableInstanceQuery()
              .processInstanceIdIn(contributions.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
              .variableName(RcpContributionProcess.RCP_INPUT_LINK).list()) {
            if (code.getValue() != null && !code.getValue().toString().isBlank()) {
              contributions.stream().filter(c -> c.getId().equals(code.getProcessInstanceId())).findFirst()
                  .ifPresent(c -> received.add(businessKeyCode(c.getBusinessKey(), master)));
            }
          }
        }
        return null;
      });
    }
    execution.setVariable(RCP_INPUTS_RECEIVED, received.isEmpty() ? "none" : String.join(", ", received));
    execution.setVariable(RCP_INPUTS_RECEIVED_COUNT, received.size());
  }

  /** HLD2013-colombo-process → colombo-process. */
  private static String businessKeyCode(String businessKey, DelegateExecution master) {
    String prefix = master.getProcessBusinessKey() + "-";
    return businessKey != null && businessKey.startsWith(prefix) ? businessKey.substring(prefix.length()) : businessKey;
  }
}
