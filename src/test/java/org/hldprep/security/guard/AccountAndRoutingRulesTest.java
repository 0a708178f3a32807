package org.hldprep.security.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small rules: own account, task routing and variables, Cockpit's plugin API, admin setup. */
class AccountAndRoutingRulesTest {

  @Test
  void usersCannotChangeOrDeleteTheirOwnAccount() {
    AccountChangesRule rule = new AccountChangesRule();
    Refusal accounts = Refusal.forbidden("Only members of camunda-admin may create, change or delete users, groups,"
        + " tenants and authorizations, your own account included; ask an administrator.");
    for (String[] call : new String[][]{{"PUT", "/user/phl-officer/profile"}, {"PUT", "/user/phl-officer/credentials"},
        {"DELETE", "/user/phl-officer"}, {"POST", "/user/create"}, {"PUT", "/group/co-ken/members/phl-officer"},
        {"POST", "/authorization/create"}, {"POST", "/tenant/create"}}) {
      assertThat(rule.check(Calls.staff(call[0], call[1]))).as(call[0] + " " + call[1]).isEqualTo(accounts);
    }
    assertThat(rule.check(Calls.staff("GET", "/user/phl-officer/profile"))).as("reading stays").isNull();
    assertThat(rule.check(Calls.admin("PUT", "/user/phl-officer/credentials"))).isNull();
  }

  @Test
  void taskVariablesAndCandidateGroupsChangeOnlyThroughFormsAndRouting() {
    TaskRoutingRule rule = new TaskRoutingRule();
    Refusal variables = Refusal
        .forbidden("A task's variables change only through its form, when the task is completed.");
    Refusal routing = Refusal.forbidden("Who works on a task is decided by the routing table; only camunda-admin may"
        + " change it.");
    assertThat(rule.check(Calls.staff("PUT", "/task/1/variables/regionalOffice"))).isEqualTo(variables);
    assertThat(rule.check(Calls.staff("POST", "/task/1/localVariables"))).isEqualTo(variables);
    assertThat(rule.check(Calls.staff("DELETE", "/task/1/variables/late"))).isEqualTo(variables);
    assertThat(rule.check(Calls.staff("POST", "/task/1/identity-links"))).isEqualTo(routing);
    assertThat(rule.check(Calls.staff("POST", "/task/1/identity-links/delete"))).isEqualTo(routing);
    assertThat(rule.check(Calls.staff("GET", "/task/1/variables"))).isNull();
    assertThat(rule.check(Calls.staff("GET", "/task/1/identity-links"))).isNull();
    assertThat(rule.check(Calls.admin("PUT", "/task/1/variables/late"))).isNull();
  }

  @Test
  void cockpitsPluginApiIsForAdministratorsButItsScriptsLoadForEveryone() {
    CockpitPluginRule rule = new CockpitPluginRule();
    String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count";
    Refusal cockpit = Refusal.forbidden("Only members of camunda-admin may use Cockpit's engine-wide views;"
        + " coordinators follow their cycles through /api/cycles.");
    assertThat(rule.check(Calls.staff("GET", statistics))).isEqualTo(cockpit);
    assertThat(rule.check(Calls.staff("POST", "/camunda/api/cockpit/plugin/base/default/process-instance")))
        .isEqualTo(cockpit);
    assertThat(rule.check(Calls.staff("POST", "/camunda/api/cockpit/plugin/base/static/app/plugin.js")))
        .as("only reading a plugin's script is open").isEqualTo(cockpit);
    assertThat(rule.check(Calls.staff("GET", "/camunda/api/cockpit/plugin/base/static/app/plugin.js"))).isNull();
    assertThat(rule.check(Calls.staff("GET", "/camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js")))
        .isNull();
    assertThat(rule.check(Calls.admin("GET", statistics))).isNull();
    assertThat(CockpitPluginRule.PLUGINS_OPEN_TO_STAFF).as("no plugin open to staff yet").isEmpty();
    CockpitPluginRule withBoard = new CockpitPluginRule(Set.of("hld-progress"));
    assertThat(withBoard.check(Calls.staff("GET", "/camunda/api/cockpit/plugin/hld-progress/default/cycles"))).isNull();
    assertThat(withBoard.check(Calls.staff("GET", statistics))).isEqualTo(cockpit);
  }

  @Test
  void adminSetupClosesOnceSetUp() {
    EngineApiCall setup = Calls.call("POST", "/camunda/api/admin/setup/default/user/create", null, "{}", null,
        List.of());
    assertThat(new AdminSetupRule(() -> true).check(setup))
        .isEqualTo(Refusal.forbidden("The first-run admin setup is closed: an administrator already exists."));
    assertThat(new AdminSetupRule(() -> false).check(setup)).isNull();
  }
}
