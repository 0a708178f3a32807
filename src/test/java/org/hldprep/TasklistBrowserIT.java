package org.hldprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.hldprep.support.Browser;
import org.hldprep.support.BrowserIntegrationTest;
import org.hldprep.support.CycleDays;
import org.hldprep.support.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff's view of Tasklist in a real browser: their tasks, Camunda Forms, completion, login. */
class TasklistBrowserIT extends BrowserIntegrationTest {

  // Task titles name the country they are about (TaskTitleListener).
  private static final String OFFER = "Offer the briefing and consultation to the government – Philippines";
  private static final String ARRANGEMENTS = "Agree format, date and stakeholders – Philippines";
  private static final String REVIEW = "Review the national summary – Philippines";

  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;

  @Test
  void countryOfficeSeesOnlyItsTaskAndCompletesItsCamundaForm() throws Exception {
    // hld-coordinator starts a cycle for the three countries over REST; the offices work in Tasklist.
    Map<String, String> cycle = startCycleForPhilippinesKenyaMexico();
    String philippines = cycle.get("PHL");
    String kenya = cycle.get("KEN");
    String mexico = cycle.get("MEX");
    String offer = task(philippines).getId();
    List<String> otherOffices = List.of(task(kenya).getId(), task(mexico).getId());

    scenario("country-office-completes-offer", browser -> {
      browser.login(tasklist(), "phl-officer", "demo");
      assertThat(openMyGroupTasks(browser).getText()).contains("My group tasks");
      WebElement link = browser.visible(taskLink(offer));
      assertThat(link.getText()).isEqualTo(OFFER);
      for (String other : otherOffices) {
        assertThat(browser.all(taskLink(other))).as("a Kenya or Mexico task in the list").isEmpty();
      }
      assertThat(browser.all(By.cssSelector(".tasks-list li.task")))
          .allSatisfy(item -> assertThat(item.getText()).doesNotContain("Kenya", "Mexico"));

      browser.click(link);
      browser.visible(formLabel("The government's answer"));
      browser.visible(formLabel("Government focal point"));
      claim(browser);
      browser.type(browser.visible(formInput("governmentFocalPoint")), "Department of Foreign Affairs, Manila");
      browser.click(radio("Accepts the briefing and consultation", browser));
      assertThat(browser.visible(formInput("countryCode")).getDomProperty("value")).isEqualTo("PHL");
      browser.screenshot("form");
      complete(browser);

      Task next = await().atMost(Duration.ofSeconds(20)).until(() -> activeTask(philippines), t -> t != null
          && ARRANGEMENTS.equals(t.getName()));
      assertThat(candidateGroups(next.getId())).containsExactly("co-phl");
      assertThat(browser.visible(taskLink(next.getId())).getText()).isEqualTo(ARRANGEMENTS);
      assertThat(browser.all(taskLink(offer))).as("the completed offer left the list").isEmpty();
      browser.screenshot();
    });
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(philippines)
        .variableName("governmentAnswer").singleResult().getValue()).isEqualTo("accepted");
  }

  @Test
  void regionalOfficeReviewsTheNationalSummaryAndOthersDoNotSeeIt() throws Exception {
    String philippines = startNationalConsultation("PHL", 2);
    Http officer = Http.as(port, "phl-officer");
    completeOverRest(officer, philippines, OFFER,
        Map.of("governmentFocalPoint", "DFA", "governmentAnswer", "accepted"));
    // The consultation day is today: the intermediate timer is due and the app's job executor fires it.
    completeOverRest(officer, philippines, ARRANGEMENTS,
        Map.of("stakeholders", List.of("civil-society", "private-sector"), "consultationFormat",
            "briefing-and-consultation",
            "consultationDate", CycleDays.today().toString(), "venue", "Manila"));
    Task record = await().atMost(Duration.ofSeconds(60)).until(() -> activeTask(philippines),
        t -> t != null && t.getName().startsWith("Record the consultation"));
    completeOverRest(officer, philippines, record.getName(), Map.of("consultationHeldOn", CycleDays.today().toString(),
        "participants", 40, "summaryLink", "https://docs.example/phl", "keyMessages", "Protect migrant workers"));
    Task review = await().atMost(Duration.ofSeconds(20)).until(() -> activeTask(philippines),
        t -> t != null && REVIEW.equals(t.getName()));
    assertThat(candidateGroups(review.getId())).containsExactly("ro-bangkok");

    scenario("other-regional-office-does-not-see-review", browser -> {
      browser.login(tasklist(), "nairobi-ro", "demo");
      openMyGroupTasks(browser);
      assertThat(browser.all(taskLink(review.getId()))).isEmpty();
      assertThat(Http.as(port, "nairobi-ro").get("/engine-rest/task/" + review.getId()).status()).isIn(403, 404);
      browser.screenshot();
    });

    scenario("regional-office-accepts-summary", browser -> {
      browser.login(tasklist(), "bangkok-ro", "demo");
      openMyGroupTasks(browser);
      WebElement link = browser.visible(taskLink(review.getId()));
      assertThat(link.getText()).isEqualTo(REVIEW);
      browser.click(link);
      browser.visible(formLabel("Your decision"));
      claim(browser);
      assertThat(browser.visible(formInput("summaryLink")).getDomProperty("value"))
          .isEqualTo("https://docs.example/phl");
      browser.click(radio("Accept the summary", browser));
      browser.screenshot("form");
      complete(browser);
      browser.until(d -> browser.all(taskLink(review.getId())).isEmpty());
      browser.screenshot();
    });
    await().atMost(Duration.ofSeconds(20)).until(() -> historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(philippines).singleResult().getEndTime() != null);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(philippines).singleResult()
        .getEndActivityId()).isEqualTo("EndEvent_SummaryAccepted");
  }

  @Test
  void aWrongPasswordIsRefusedWithAMessageAndNoSession() throws Exception {
    // sanjose-ro is used by no other scenario: a failed login delays that user's next login.
    scenario("wrong-password-refused", browser -> {
      browser.login(tasklist(), "sanjose-ro", "not-the-password");
      WebElement error = browser.visible(By.cssSelector(".notifications .alert-danger, .notifications .alert-error"));
      assertThat(error.getText()).contains("Login Failed");
      assertThat(browser.visible(By.cssSelector("form[name=signinForm]")).isDisplayed()).isTrue();
      assertThat(browser.driver().getCurrentUrl()).contains("#/login");
      browser.screenshot();

      String cookies = browser.driver().manage().getCookies().stream()
          .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
      assertThat(browser.driver().manage().getCookies()).extracting(Cookie::getName).isNotEmpty();
      HttpResponse<String> tasks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(url("/camunda/api/engine/engine/default/task/count"))).header("Cookie", cookies)
          .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(tasks.statusCode()).as("the browser's cookies open no session: " + tasks.body()).isEqualTo(401);
    });
  }

  // --- Tasklist, as a person uses it ---

  /** Selects the filter "My group tasks" (the default) and returns it once the list has loaded. */
  private static WebElement openMyGroupTasks(Browser browser) {
    WebElement filter = browser.visible(By.xpath(
        "//div[contains(@class,'task-filter')][.//h4[contains(normalize-space(.),'My group tasks')]]"));
    if (!filter.getDomAttribute("class").contains("active")) {
      browser.click(filter.findElement(By.cssSelector("h4 a")));
    }
    // the counter shows once the filter's query has answered
    browser.until(d -> browser.visible(By.cssSelector(".task-filter.active .counter")).getText().matches("\\d+"));
    return filter;
  }

  private static By taskLink(String taskId) {
    return By.cssSelector(".tasks-list li.task a[href*='task=" + taskId + "']");
  }

  private static By formLabel(String label) {
    return By.xpath("//div[contains(@class,'fjs-container')]//label[contains(@class,'fjs-form-field-label')]"
        + "[starts-with(normalize-space(.), \"" + label + "\")]");
  }

  private static By formInput(String key) {
    return By.cssSelector(".fjs-container input[id*='Field_" + key + "_']");
  }

  private static WebElement radio(String label, Browser browser) {
    return browser.visible(By.xpath("//div[contains(@class,'fjs-container')]//label[normalize-space(.)=\""
        + label + "\"]/input[@type='radio']"));
  }

  private static void claim(Browser browser) {
    browser.click(browser.visible(By.cssSelector("button[ng-click='claim()']")));
    browser.visible(By.cssSelector("[ng-click='unclaim()']"));
  }

  private static void complete(Browser browser) {
    WebElement button = browser.visible(By.cssSelector("button[ng-click='complete()']"));
    browser.until(d -> button.isEnabled());
    browser.click(button);
  }

  // --- the engine, to arrange and to check ---

  private Task task(String processInstanceId) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> activeTask(processInstanceId), t -> t != null);
  }

  private Task activeTask(String processInstanceId) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId).list();
    return tasks.size() == 1 ? tasks.get(0) : null;
  }

  private List<String> candidateGroups(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId).toList();
  }

  private void completeOverRest(Http user, String processInstanceId, String taskName, Map<String, Object> values) {
    Task task = await().atMost(Duration.ofSeconds(10)).until(() -> activeTask(processInstanceId),
        t -> t != null && taskName.equals(t.getName()));
    Map<String, Object> variables = Http.variables(values);
    assertThat(user.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "phl-officer")).status())
        .isEqualTo(204);
    Http.Response completed = user.post("/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", variables));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
  }
}
