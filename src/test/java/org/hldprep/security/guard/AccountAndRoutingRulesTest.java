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
    assertThat(rule.check(Calls.staff("PUT", "/user/phl-officer/profile"))).isNotNull();
    assertThat(rule.check(Calls.staff("PUT", "/user/phl-officer/credentials"))).isNotNull();
    assertThat(rule.check(Calls.staff("DELETE", "/user/phl-officer"))).isNotNull();
    assertThat(rule.check(Calls.staff("POST", "/user/create"))).isNotNull();
    assertThat(rule.check(Calls.staff("PUT", "/group/co-ken/members/phl-officer"))).isNotNull();
    assertThat(rule.check(Calls.staff("POST", "/authorization/create"))).isNotNull();
    assertThat(rule.check(Calls.staff("GET", "/user/phl-officer/profile"))).as("reading stays").isNull();
    assertThat(rule.check(Calls.admin("PUT", "/user/phl-officer/credentials"))).isNull();
  }

  @Test
  void taskVariablesAndCandidateGroupsChangeOnlyThroughFormsAndRouting() {
    TaskRoutingRule rule = new TaskRoutingRule();
    assertThat(rule.check(Calls.staff("PUT", "/task/1/variables/regionalOffice"))).isNotNull();
    assertThat(rule.check(Calls.staff("POST", "/task/1/localVariables"))).isNotNull();
    assertThat(rule.check(Calls.staff("POST", "/task/1/identity-links"))).isNotNull();
    assertThat(rule.check(Calls.staff("POST", "/task/1/identity-links/delete"))).isNotNull();
    assertThat(rule.check(Calls.staff("GET", "/task/1/variables"))).isNull();
    assertThat(rule.check(Calls.staff("GET", "/task/1/identity-links"))).isNull();
    assertThat(rule.check(Calls.admin("PUT", "/task/1/variables/late"))).isNull();
  }

  @Test
  void cockpitsPluginApiIsForAdministratorsButItsScriptsLoadForEveryone() {
    CockpitPluginRule rule = new CockpitPluginRule();
    String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count";
    assertThat(rule.check(Calls.staff("GET", statistics))).extracting(Refusal::status).isEqualTo(403);
    assertThat(rule.check(Calls.staff("POST", "/camunda/api/cockpit/plugin/base/default/process-instance"))).isNotNull();
    assertThat(rule.check(Calls.staff("GET", "/camunda/api/cockpit/plugin/base/static/app/plugin.js"))).isNull();
    assertThat(rule.check(Calls.staff("GET", "/camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js"))).isNull();
    assertThat(rule.check(Calls.admin("GET", statistics))).isNull();
    assertThat(CockpitPluginRule.PLUGINS_OPEN_TO_STAFF).as("no plugin open to staff yet").isEmpty();
    CockpitPluginRule withBoard = new CockpitPluginRule(Set.of("hld-progress"));
    assertThat(withBoard.check(Calls.staff("GET", "/camunda/api/cockpit/plugin/hld-progress/default/cycles"))).isNull();
    assertThat(withBoard.check(Calls.staff("GET", statistics))).isNotNull();
  }

  @Test
  void adminSetupClosesOnceSetUp() {
    EngineApiCall setup = Calls.call("POST", "/camunda/api/admin/setup/default/user/create", null, "{}", null, List.of());
    assertThat(new AdminSetupRule(() -> true).check(setup)).isNotNull();
    assertThat(new AdminSetupRule(() -> false).check(setup)).isNull();
  }
}
