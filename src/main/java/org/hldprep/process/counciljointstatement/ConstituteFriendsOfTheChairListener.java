package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.CouncilJointStatementProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hldprep.platform.input.InputParser;
import org.hldprep.process.InputVariables;
import org.hldprep.process.JsonVariables;
import org.hldprep.reference.IomMembership;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * The Chair constituted the Friends of the Chair: the delegations named (ISO 3166-1 alpha-3 codes) must be
 * IOM Member States on the day the group was constituted (reference data), else the completion is refused
 * naming them. They become {@value CouncilJointStatementProcess#FOTC_DELEGATIONS}: one reading task each,
 * routed to that delegation's Permanent Mission.
 */
@Component("constituteFriendsOfTheChairListener")
public class ConstituteFriendsOfTheChairListener implements TaskListener {

  private final ReferenceData referenceData;

  public ConstituteFriendsOfTheChairListener(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if (!"pursue".equals(task.getVariable(PURSUE_STATEMENT))) {
      return;
    }
    List<String> codes = InputParser.codes(task.getVariable(FOTC_MEMBERS));
    if (codes.isEmpty()) {
      throw new BadUserRequestException("The variable '" + FOTC_MEMBERS + "' is required: the ISO codes of the"
          + " delegations in the Friends of the Chair, e.g. 'MEX, PHL, CHE'");
    }
    Object constitutedOn = task.getVariable(FOTC_CONSTITUTED_ON);
    LocalDate day = InputParser.blank(constitutedOn)
        ? InputVariables.today(InputVariables.timeZone(execution))
        : ProcessVariables.requiredDate(execution, FOTC_CONSTITUTED_ON);
    Set<String> delegations = new LinkedHashSet<>();
    List<String> refused = new ArrayList<>();
    for (String code : codes) {
      MemberState state = referenceData.memberState(code).orElse(null);
      if (state == null) {
        refused.add("'" + code + "' is not an ISO 3166-1 alpha-3 code of a Member State of the reference data");
        continue;
      }
      IomMembership.Answer answer = referenceData.iomMembership(state.iso3()).on(day);
      if (answer.status() == IomMembership.Status.MEMBER) {
        delegations.add(state.iso3());
      } else {
        refused.add(state.name() + " (" + state.iso3() + ") was not an IOM Member State on " + day + " as far as the"
            + " reference data knows (" + answer.basis() + ")");
      }
    }
    if (!refused.isEmpty()) {
      throw new BadUserRequestException("The Friends of the Chair are delegations of IOM Member States: "
          + String.join("; ", refused));
    }
    execution.setVariable(FOTC_MEMBERS, String.join(", ", delegations));
    execution.setVariable(FOTC_DELEGATIONS, JsonVariables.json(new ArrayList<>(delegations)));
  }
}
