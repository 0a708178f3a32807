package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hldprep.support.Browser;
import org.hldprep.support.BrowserIntegrationTest;
import org.hldprep.support.Http;
import org.hldprep.support.MidCourseCycle;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The progress board in Cockpit, in Chromium, on a cycle in mid-course: what the coordinator and the
 * Bangkok Regional Office see is checked against the progress API, figure by figure.
 */
class ProgressBoardBrowserIT extends BrowserIntegrationTest {

  private String board(String cycle) {
    return cockpit() + "default/#/hld-progress?cycle=" + cycle;
  }

  private static String text(Browser browser, String css) {
    return browser.visible(By.cssSelector(css)).getText().trim();
  }

  /** Opens the board from Cockpit's menu, then on this cycle, and waits until its figures are drawn. */
  private void openBoard(Browser browser, String user, MidCourseCycle cycle) {
    browser.login(cockpit(), user, "demo");
    browser.until(d -> !d.getCurrentUrl().contains("#/login"));
    browser.driver().manage().window().setSize(new Dimension(1400, 2400));
    WebElement menu = browser.visible(By.cssSelector("a[href='#/hld-progress']"));
    assertThat(menu.getText()).isEqualTo("HLD progress");
    browser.click(menu);
    browser.visible(By.cssSelector(".hld-progress [data-field='cycle']"));
    browser.get(board(cycle.cycle));
    browser.until(d -> !browser.all(By.cssSelector(".hld-progress [data-field='cycle']")).isEmpty()
        && cycle.cycle
            .equals(browser.js("return document.querySelector(\".hld-progress [data-field='cycle']\").value")));
    browser.visible(By.cssSelector(".hld-progress [data-track='national-consultation']"));
  }

  /** The figures on the page equal those of the API for the same user. */
  private void checkFiguresAgainstTheApi(Browser browser, JsonNode api) {
    assertThat(browser.visible(By.cssSelector("[data-field='daysToHld']")).getAttribute("data-value"))
        .isEqualTo(api.get("countdown").get("daysToHld").asText());
    List<String> deadlines = new ArrayList<>();
    browser.all(By.cssSelector("[data-deadline]")).forEach(e -> deadlines.add(e.getAttribute("data-deadline")));
    List<String> apiDeadlines = new ArrayList<>();
    api.get("countdown").get("nextDeadlines").forEach(d -> apiDeadlines.add(d.get("key").asText()));
    assertThat(deadlines).isEqualTo(apiDeadlines).hasSize(5);

    for (JsonNode track : api.get("tracks")) {
      String row = "[data-track='" + track.get("key").asText() + "'] ";
      for (String field : List.of("total", "running", "ended", "late")) {
        assertThat(text(browser, row + "[data-field='" + field + "']")).as(track.get("key") + " " + field)
            .isEqualTo(track.get(field).asText());
      }
      assertThat(text(browser, row + "[data-field='percentDone']")).isEqualTo(track.get("percentDone").asText() + "%");
    }
    assertThat(browser.all(By.cssSelector("[data-track]"))).hasSize(api.get("tracks").size());

    assertThat(text(browser, "[data-field='overdueCount']")).isEqualTo(String.valueOf(api.get("overdue").size()));
    for (JsonNode overdue : api.get("overdue")) {
      String row = "[data-task='" + overdue.get("taskId").asText() + "'] ";
      assertThat(text(browser, row + "[data-field='daysOverdue']")).isEqualTo(overdue.get("daysOverdue").asText());
    }

    List<String> regions = new ArrayList<>();
    browser.all(By.cssSelector("[data-region]")).forEach(e -> regions.add(e.getAttribute("data-region")));
    List<String> apiRegions = new ArrayList<>();
    api.get("regions").forEach(r -> apiRegions.add(r.get("regionalOffice").asText()));
    assertThat(regions).isEqualTo(apiRegions);
    for (JsonNode region : api.get("regions")) {
      String section = "[data-region='" + region.get("regionalOffice").asText() + "'] ";
      assertThat(text(browser, section + "p [data-field='countries']")).isEqualTo(region.get("countries").asText());
      assertThat(text(browser, section + "p [data-field='late']")).isEqualTo(region.get("late").asText());
      assertThat(browser.all(By.cssSelector(section + "tr[data-iso3]"))).hasSize(region.get("rows").size());
      for (JsonNode row : region.get("rows")) {
        String tr = section + "tr[data-iso3='" + row.get("iso3").asText() + "'] ";
        assertThat(text(browser, tr + "[data-field='state']")).isEqualTo(row.get("state").asText());
        assertThat(text(browser, tr + "[data-field='currentStep']")).isEqualTo(row.path("currentStep").asText(""));
        List<String> heldBy = new ArrayList<>();
        row.get("heldBy").forEach(h -> heldBy.add(h.asText()));
        assertThat(text(browser, tr + "[data-field='heldBy']")).isEqualTo(String.join(", ", heldBy));
        assertThat(text(browser, tr + "[data-field='dueDate']")).isEqualTo(row.path("dueDate").asText(""));
        assertThat(text(browser, tr + "[data-field='late']")).startsWith(row.get("late").asBoolean() ? "late" : "");
        assertThat(text(browser, tr + "[data-field='outcome']")).isEqualTo(row.path("outcome").asText(""));
      }
    }
  }

  private void noMigrationBanner(Browser browser) {
    Object shown = browser.js("const b = document.querySelector('.ce-eol-banner');"
        + " return b !== null && getComputedStyle(b).display !== 'none';");
    assertThat(shown).as("the Camunda 8 migration banner").isEqualTo(false);
  }

  /** Downloads work with the page's own session: fetched from the page, as a click on the link would. */
  private void downloadsWork(Browser browser) {
    for (String kind : List.of("csv", "xlsx")) {
      String href = browser.visible(By.cssSelector("a[data-download='" + kind + "']")).getAttribute("href");
      Object status = browser.jsAsync("const done = arguments[arguments.length - 1];"
          + " fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status + ' '"
          + " + r.headers.get('content-type'))).catch(e => done(String(e)));", href);
      assertThat(String.valueOf(status)).as(kind).startsWith("200 ")
          .contains(kind.equals("csv") ? "text/csv" : "spreadsheetml");
    }
  }

  @Test
  void coordinatorSeesTheWholeCycleAsTheApiDoes() throws Exception {
    MidCourseCycle cycle = MidCourseCycle.start(port, "HLDW");
    deleteAfterwards(cycle.processInstanceId);
    Http coordinator = Http.as(port, "hld-coordinator");
    awaitPhilippinesUnderReview(coordinator, cycle);
    JsonNode api = coordinator.get("/api/cycles/" + cycle.cycle + "/progress").json();

    scenario("progress-board-coordinator", browser -> {
      browser.get(board(cycle.cycle));
      browser.visible(By.cssSelector("form[name=signinForm]"));
      assertThat(browser.all(By.cssSelector(".hld-progress"))).as("nothing of the board before the login").isEmpty();

      openBoard(browser, "hld-coordinator", cycle);
      checkFiguresAgainstTheApi(browser, api);
      noMigrationBanner(browser);
      downloadsWork(browser);
      browser.screenshot();

      // sortable and filterable: Bangkok's table by country, descending; then only the Philippines
      String bangkok = "[data-region='ro-bangkok'] ";
      browser.click(browser.visible(By.cssSelector(bangkok + "th[data-sort='country']")));
      browser.until(d -> browser.all(By.cssSelector(bangkok + "th.hld-desc")).size() == 1);
      assertThat(browser.all(By.cssSelector(bangkok + "tr[data-iso3]")).get(0).getAttribute("data-iso3"))
          .isEqualTo("THA");
      browser.type(browser.visible(By.cssSelector(bangkok + "input[data-filter]")), "Philippines");
      browser.until(d -> browser.all(By.cssSelector(bangkok + "tr[data-iso3]")).size() == 1);
      assertThat(text(browser, bangkok + "[data-field='shown']")).isEqualTo("1 of 2 shown");
      browser.click(browser.visible(By.cssSelector("[data-region='ro-nairobi'] input[data-late-only]")));
      browser.until(d -> browser.all(By.cssSelector("[data-region='ro-nairobi'] tr[data-iso3='KEN']")).size() == 1);

      // the Philippines' timeline: who did what, with the summary linked
      browser.click(browser.visible(By.cssSelector("a[data-timeline-country='PHL']")));
      WebElement record = browser
          .visible(By.cssSelector("[data-timeline='PHL'] tr[data-activity='Task_RecordConsultation']"));
      assertThat(record.findElement(By.cssSelector("[data-field='by']")).getText()).isEqualTo("phl-officer");
      assertThat(record.findElement(By.cssSelector("[data-document='summaryLink'] a")).getAttribute("href"))
          .isEqualTo(MidCourseCycle.PHILIPPINES_SUMMARY);
      JsonNode timeline = coordinator.get("/api/cycles/" + cycle.cycle + "/countries/PHL/timeline").json();
      assertThat(browser.all(By.cssSelector("[data-timeline='PHL'] tbody tr"))).hasSize(timeline.get("entries").size());
      browser.screenshot("timeline");

      // a track's timeline too
      browser.click(browser.visible(By.cssSelector("a[data-timeline-track='council-joint-statement']")));
      browser.visible(By.cssSelector(
          "[data-timeline='council-joint-statement'] tr[data-activity='Task_ConstituteFriendsOfTheChair']"));

      // Tasklist, same login: no banner there either
      browser.get(tasklist());
      browser.visible(By.cssSelector("[cam-widget-header]"));
      noMigrationBanner(browser);
    });
  }

  @Test
  void bangkokSeesItsRegionOnlyAsTheApiDoes() throws Exception {
    MidCourseCycle cycle = MidCourseCycle.start(port, "HLDV");
    deleteAfterwards(cycle.processInstanceId);
    Http bangkok = Http.as(port, "bangkok-ro");
    awaitPhilippinesUnderReview(Http.as(port, "hld-coordinator"), cycle);
    JsonNode api = bangkok.get("/api/cycles/" + cycle.cycle + "/progress").json();
    assertThat(api.get("regions")).hasSize(1);

    scenario("progress-board-bangkok", browser -> {
      openBoard(browser, "bangkok-ro", cycle);
      checkFiguresAgainstTheApi(browser, api);
      assertThat(browser.all(By.cssSelector("[data-region]"))).hasSize(1);
      assertThat(browser.all(By.cssSelector("tr[data-iso3='KEN'], tr[data-iso3='MEX']"))).isEmpty();
      assertThat(browser.all(By.cssSelector("[data-track='council-joint-statement']"))).isEmpty();
      noMigrationBanner(browser);
      downloadsWork(browser);
      browser.screenshot();
      browser.click(browser.visible(By.cssSelector("a[data-timeline-country='THA']")));
      browser.visible(By.cssSelector("[data-timeline='THA'] tr[data-activity='Task_OfferConsultation']"));

      // the Regional Office's Cockpit shows no instance of the cycle: only the board's figures
      browser.get(cockpit() + "default/#/processes");
      browser.visible(By.cssSelector("[cam-widget-header]"));
      Object instances = browser.jsAsync("const done = arguments[arguments.length - 1];"
          + " fetch(arguments[0], {credentials: 'same-origin', headers: {Accept: 'application/json'}})"
          + ".then(r => r.text()).then(done).catch(e => done(String(e)));",
          url("/camunda/api/engine/engine/default/process-instance?maxResults=10&businessKey=" + cycle.cycle));
      assertThat(String.valueOf(instances)).isEqualTo("[]");
    });
  }

  private static void awaitPhilippinesUnderReview(Http coordinator, MidCourseCycle cycle) {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
      JsonNode board = coordinator.get("/api/cycles/" + cycle.cycle + "/progress").json();
      for (JsonNode region : board.get("regions")) {
        for (JsonNode row : region.get("rows")) {
          if (row.get("iso3").asText().equals("PHL")) {
            return "Review the national summary".equals(row.path("currentStep").asText());
          }
        }
      }
      return false;
    });
  }
}
