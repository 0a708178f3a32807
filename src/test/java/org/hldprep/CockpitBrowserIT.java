package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.hldprep.support.BrowserIntegrationTest;
import org.hldprep.support.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Cockpit in a real browser: running instances and the diagram with their tokens. */
class CockpitBrowserIT extends BrowserIntegrationTest {

  /** The master, whose running cycles admin finds in the processes list. */
  static final String MASTER_KEY = "hld-preparation";
  /** The child whose diagram and tokens admin inspects. */
  static final String PROCESS_KEY = "national-consultation";

  @Test
  void adminSeesRunningInstancesAndTheirTokensOnTheDiagram() throws Exception {
    String instance = startCycleForPhilippinesKenyaMexico().get("PHL");
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

      // The processes list: the running cycle(s) of the master ...
      By masterRow = By.xpath("//tr[.//a[contains(@href,'#/process-definition/" + MASTER_KEY + ":')]]");
      long cycles = runtimeService.createProcessInstanceQuery().processDefinitionKey(MASTER_KEY).count();
      assertThat(cycles).isPositive();
      browser.until(d -> browser.visible(masterRow).findElement(By.cssSelector("td.instances")).getText().trim()
          .equals(String.valueOf(cycles)));
      // ... and the national consultations with their count of running instances.
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
      // Cockpit may redraw its overlays while loading: read the badge afresh until it shows the token.
      By token = By.cssSelector(".djs-overlays[data-container-id='" + activity + "'] .badge");
      browser.until(d -> {
        try {
          return browser.visible(token).getText().trim().equals("1");
        } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
          return false;
        }
      });
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
