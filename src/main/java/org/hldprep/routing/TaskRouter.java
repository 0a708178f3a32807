package org.hldprep.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.hldprep.engine.EngineDecisions;
import org.hldprep.reference.MemberState;
import org.hldprep.reference.ReferenceData;

/**
 * The one place where user tasks get their candidate groups. The decision {@code task-routing}
 * (processes/task-routing.dmn, hit policy COLLECT) maps each step, i.e. the task's definition key, to
 * groups of the contract or to an office role, which is resolved here from the process's country, RCP
 * or UN Regional Commission. Added to every user task of every model by
 * {@link org.hldprep.process.ProcessConventionsPlugin}. A task the decision does not route fails loudly:
 * no user task goes without candidate groups.
 *
 * <p>The table's answer depends on the step alone, so it is evaluated once per step and version of the
 * table (the latest deployed version decides, as {@code evaluateDecisionByKey} would) and remembered.
 * It is evaluated outside the engine's decision service, so routing writes no decision instances to
 * history: each task's candidate groups are in its identity-link history. Evaluating the FEEL table
 * took half of the CPU of a cycle start (JFR, see README, Benchmark).
 */
public class TaskRouter implements TaskListener {

  public static final String DECISION_KEY = "task-routing";
  /** Input of the decision: the task definition key. */
  public static final String STEP = "step";
  /** Output column of the decision. */
  public static final String GROUP = "group";

  /**
   * The Country Office of {@code countryCode}; where the reference data says the state has none, its
   * covering Regional Office (not a group nobody is in). Where the data does not know, the Country Office.
   */
  public static final String ROLE_COUNTRY_OFFICE = "country-office";
  /** The Regional Office covering {@code countryCode}; without a country, the one in {@code regionalOffice}. */
  public static final String ROLE_REGIONAL_OFFICE = "regional-office";
  /** The IOM office serving the RCP of {@code rcpCode} as secretariat. */
  public static final String ROLE_RCP_SERVING_OFFICE = "rcp-serving-office";
  /**
   * Every IOM office covering the UN Regional Commission of {@code commissionCode} in the reference data
   * (ECLAC: two Regional Offices; ECA: a Regional Office and the Special Liaison Office in Addis Ababa).
   */
  public static final String ROLE_REGIONAL_COMMISSION_OFFICES = "regional-commission-offices";
  /** The Permanent Mission (pm-iso3) of the Member State in {@code countryCode}: a delegation's own task. */
  public static final String ROLE_PERMANENT_MISSION = "permanent-mission";
  /** Every office role the decision may return; anything else it returns must be a group id. */
  public static final java.util.Set<String> ROLES = java.util.Set.of(ROLE_COUNTRY_OFFICE, ROLE_REGIONAL_OFFICE,
      ROLE_RCP_SERVING_OFFICE, ROLE_REGIONAL_COMMISSION_OFFICES, ROLE_PERMANENT_MISSION);

  public static final String VAR_COUNTRY_CODE = "countryCode";
  public static final String VAR_REGIONAL_OFFICE = "regionalOffice";
  public static final String VAR_RCP_CODE = "rcpCode";
  public static final String VAR_COMMISSION_CODE = "commissionCode";

  private final ReferenceData referenceData;
  /**
   * The decision's outputs by decision definition id and step (a deployed decision never changes); bounded,
   * as every new version of the decision adds its steps.
   */
  private final Cache<String, List<String>> outputs = Caffeine.newBuilder().maximumSize(10_000).build();
  private volatile DmnEngine dmnEngine;

  public TaskRouter(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  @Override
  public void notify(DelegateTask task) {
    String step = task.getTaskDefinitionKey();
    // The engine's own lookups, without authorization checks: routing is the engine's business, not
    // that of the user who completed the previous task. One query for the latest version's id; the
    // parsed table only when this version and step are new.
    String latest = EngineDecisions.latestId(DECISION_KEY);
    if (latest == null) {
      throw new IllegalStateException("No decision " + DECISION_KEY + " is deployed: no user task can be routed");
    }
    List<String> rows = outputs.get(latest + "#" + step, key -> evaluate(EngineDecisions.deployed(latest), step));
    Set<String> groups = new LinkedHashSet<>();
    for (String groupOrRole : rows) {
      if (ROLE_REGIONAL_COMMISSION_OFFICES.equals(groupOrRole)) {
        groups.addAll(regionalCommissionOffices(task));
      } else {
        groups.add(resolve(groupOrRole, task));
      }
    }
    if (groups.isEmpty()) {
      throw new IllegalStateException("The decision " + DECISION_KEY + " routes no group to the step " + step
          + " of " + task.getProcessDefinitionId() + ": add a rule for it");
    }
    task.addCandidateGroups(groups);
  }

  private List<String> evaluate(DmnDecision decision, String step) {
    return List.copyOf(dmnEngine().evaluateDecisionTable(decision, Variables.createVariables().putValue(STEP, step))
        .collectEntries(GROUP));
  }

  /** A DMN engine of its own, with Camunda's defaults: no history, no metrics of the process engine. */
  private DmnEngine dmnEngine() {
    if (dmnEngine == null) {
      synchronized (this) {
        if (dmnEngine == null) {
          dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        }
      }
    }
    return dmnEngine;
  }

  /** A group id of the contract for a decision output, given the process's country or RCP. */
  public String resolve(String groupOrRole, DelegateTask task) {
    return switch (groupOrRole) {
      case ROLE_COUNTRY_OFFICE -> {
        MemberState state = memberState(task);
        yield referenceData.countryOffice(state.iso3()).absent()
            ? state.regionalOffice()
            : GroupIds.countryOffice(state.iso3());
      }
      case ROLE_REGIONAL_OFFICE -> {
        // The country decides where its consultation is reviewed; a regionalOffice variable (the
        // master's per-office syntheses) is used only without a country, and only if it names one.
        if (task.getVariable(VAR_COUNTRY_CODE) != null) {
          yield memberState(task).regionalOffice();
        }
        String regionalOffice = stringVariable(task, VAR_REGIONAL_OFFICE);
        if (referenceData.regionalOffices().stream().noneMatch(o -> o.code().equals(regionalOffice))) {
          throw new IllegalStateException("'" + regionalOffice + "' is not a Regional Office");
        }
        yield regionalOffice;
      }
      case ROLE_RCP_SERVING_OFFICE -> referenceData.requireRcp(stringVariable(task, VAR_RCP_CODE)).servingOffice();
      case ROLE_PERMANENT_MISSION -> GroupIds.permanentMission(memberState(task).iso3());
      case ROLE_REGIONAL_COMMISSION_OFFICES -> throw new IllegalArgumentException(groupOrRole
          + " names several groups: see regionalCommissionOffices");
      default -> groupOrRole;
    };
  }

  /** The groups of the offices covering the process's Regional Commission, from the reference data only. */
  public List<String> regionalCommissionOffices(DelegateTask task) {
    return referenceData.requireRegionalCommission(stringVariable(task, VAR_COMMISSION_CODE)).coveringOffices().stream()
        .map(GroupIds::office).toList();
  }

  private MemberState memberState(DelegateTask task) {
    return referenceData.requireMemberState(stringVariable(task, VAR_COUNTRY_CODE));
  }

  private static String stringVariable(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    if (value == null) {
      throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " is routed by office but the process"
          + " has no variable " + name);
    }
    return value.toString();
  }
}
