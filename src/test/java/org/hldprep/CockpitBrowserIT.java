package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hldprep.support.BrowserIntegrationTest;
import org.hldprep.support.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Cockpit in a real browser: running instances and the diagram with their tokens. */
class CockpitBrowserIT extends BrowserIntegrationTest {

  /** The process followed in Cockpit; switch to "hld-preparation" (and its start variables) when it lands. */
  static final String PROCESS_KEY = "national-consultation";

  /** Start variables of {@link #PROCESS_KEY}, deadlines far enough ahead that no timer fires meanwhile. */
  private static Map<String, Object> startVariables() {
    String later = LocalDate.now().plusMonths(1).toString();
    return Map.of("countryCode", Map.of("value", "PHL"), "governmentResponseDeadline", Map.of("value", later));
  }

  @Test
  void adminSeesRunningInstancesAndTheirTokensOnTheDiagram() throws Exception {
    String instance = start(PROCESS_KEY, startVariables());
    List<String> active = runtimeService.getActiveActivityIds(instance);
    assertThat(active).as("the instance waits somewhere").isNotEmpty();
    String activity = active.get(0);
    String definitionId = runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getProcessDefinitionId();
    Http admin = Http.as(port, "admin");

    scenario("cockpit-running-instances", browser -> {
      browser.login(cockpit(), "admin", "demo");
      browser.until(d -> !d.getCurrentUrl().contains("#/login"));
      browser.get(cockpit() + "default/#/processes");

      // The processes list: this process with its count of running instances.
      By row = By.xpath("//tr[.//a[contains(@href,'#/process-definition/" + PROCESS_KEY + ":')]]");
      long running = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
      browser.until(d -> browser.visible(row).findElement(By.cssSelector("td.instances")).getText().trim()
          .equals(String.valueOf(running)));

      // The definition: the diagram, a token (instance count badge) on the activity where it waits.
      browser.click(browser.visible(row).findElement(By.cssSelector("td.name a, td.key a")));
      browser.visible(By.cssSelector(".djs-container svg g.djs-element[data-element-id='" + activity + "']"));
      String expected = String.valueOf(instancesAt(admin, definitionId, activity));
      WebElement badge = browser.visible(By.cssSelector(
          ".djs-overlays[data-container-id='" + activity + "'] .badge.instance-count"));
      browser.until(d -> badge.getText().trim().equals(expected));
      assertThat(Integer.parseInt(badge.getText().trim())).isPositive();
      String current = String.valueOf(runtimeService.createProcessInstanceQuery().processDefinitionId(definitionId)
          .count());
      browser.until(d -> browser.visible(By.cssSelector("dd.running-instances .current-version")).getText().trim()
          .equals(current));
      browser.screenshot("definition");

      // The instance: its diagram marks the same activity.
      browser.click(browser.visible(By.cssSelector("a[href*='#/process-instance/" + instance + "']")));
      browser.visible(By.cssSelector(".djs-container svg g.djs-element[data-element-id='" + activity + "']"));
      WebElement token = browser.visible(By.cssSelector(
          ".djs-overlays[data-container-id='" + activity + "'] .badge"));
      assertThat(token.getText().trim()).isEqualTo("1");
      assertThat(browser.driver().getCurrentUrl()).contains(instance);
      browser.screenshot();
    });
  }

  /** Running activity instances at one activity, as Cockpit's statistics count them. */
  private static long instancesAt(Http admin, String definitionId, String activity) {
    Http.Response statistics = admin.get("/engine-rest/process-definition/" + definitionId + "/statistics");
    assertThat(statistics.status()).as(statistics.body()).isEqualTo(200);
    for (JsonNode entry : statistics.json()) {
      if (activity.equals(entry.get("id").asText())) {
        return entry.get("instances").asLong();
      }
    }
    return 0;
  }
}
