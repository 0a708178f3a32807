package org.hldprep.process.rcpcontribution;

import static org.hldprep.process.rcpcontribution.RcpContributionProcess.IOM_IS_SECRETARIAT;
import static org.hldprep.process.rcpcontribution.RcpContributionProcess.RCP_CODE;
import static org.hldprep.process.rcpcontribution.RcpContributionProcess.RCP_NAME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hldprep.platform.input.InputParser;
import org.hldprep.process.InputVariables;
import org.hldprep.process.MarkLateDelegate;
import org.hldprep.process.StartRecipe;
import org.hldprep.reference.Rcp;
import org.hldprep.reference.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * Start of one RCP's contribution: the RCP must be in the reference list (otherwise the start is refused
 * and nothing is created); whether IOM is its secretariat comes from the reference data unless the
 * starter gives {@code iomIsSecretariat} (the data is incomplete); missing deadlines come from the cycle
 * calendar. The business key is the starter's business and is not required.
 */
@Component("rcpContributionStartListener")
public class RcpContributionStartListener extends StartRecipe {

  private final ReferenceData referenceData;

  public RcpContributionStartListener(ReferenceData referenceData) {
    super(RcpContributionProcess.CALENDAR_KEYS);
    this.referenceData = referenceData;
  }

  @Override
  protected void checkStartVariables(DelegateExecution execution) {
    Rcp rcp = InputVariables.rcp(execution, RCP_CODE, referenceData);
    execution.setVariable(RCP_CODE, rcp.code());
    execution.setVariable(RCP_NAME, rcp.name());
    Object given = execution.getVariable(IOM_IS_SECRETARIAT);
    execution.setVariable(IOM_IS_SECRETARIAT, given == null
        ? rcp.iomIsSecretariat()
        : InputVariables.checked(() -> InputParser.flag(IOM_IS_SECRETARIAT, given)));
  }

  @Override
  protected void initialise(DelegateExecution execution) {
    execution.setVariable(MarkLateDelegate.LATE, false);
  }
}
