package org.hldprep.security.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.hldprep.support.Browser;
import org.hldprep.support.Http;
import org.hldprep.support.Keycloak;
import org.hldprep.support.SsoIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Staff under single sign-on, in a real browser against a real provider: each person signs in at the
 * provider, lands in Tasklist as themselves and sees only their groups' tasks of a cycle a system started
 * with a client-credentials token; an account in none of HLD Prep's groups gets a page saying so; signing
 * out ends HLD Prep's session and the provider's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsoBrowserIT extends SsoIntegrationTest {

  private static final String CYCLE = "HLD7101";

  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcTemplate jdbc;

  private String master;

  /** Per test, not per class: Failsafe would count a class-level assumption as no test run. */
  @BeforeEach
  void chromiumInstalled() {
    Browser.assumeInstalled();
  }

  @BeforeAll
  void aSystemStartsACycle() {
    String token = Keycloak.get().clientToken("hld-prep-integration", "integration-test-secret");
    Http.Response started = Http.anonymous(port).withHeader("Authorization", "Bearer " + token).post("/api/cycles",
        Map.of("cycle", CYCLE, "memberStates", List.of("PHL", "KEN", "MEX"), "rcps", List.of("puebla-process"),
            "calendar", Map.of("hldDate", LocalDate.now().plusMonths(14).toString())));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    master = started.json().get("processInstanceId").asText();
  }

  @AfterAll
  void deleteTheCycle() {
    if (master != null) {
      runtimeService.deleteProcessInstanceIfExists(master, "test finished", true, true, true, false);
    }
  }

  @Test
  void eachPersonSignsInAtTheProviderAndSeesOnlyTheirGroupsTasks() throws Exception {
    List<Task> cycleTasks = await().atMost(Duration.ofSeconds(30)).until(this::tasksOfTheCycle,
        tasks -> groupsOf(tasks).containsAll(Set.of("co-phl", "ro-bangkok", "iom-icp")));
    for (String[] person : new String[][]{{"phl-officer", "co-phl"}, {"bangkok-ro", "ro-bangkok"},
        {"hld-coordinator", "iom-icp"}}) {
      String user = person[0];
      String group = person[1];
      scenario("sso-" + user, browser -> {
        signIn(browser, url("/camunda/app/tasklist/"), user);
        assertThat(browser.driver().getCurrentUrl()).startsWith(url("/camunda/app/tasklist/"));
        assertThat(whoAmI(browser)).as("Tasklist opens as that person").isEqualTo(user);
        openMyGroupTasks(browser);
        for (Task task : cycleTasks) {
          boolean theirs = taskService.getIdentityLinksForTask(task.getId()).stream()
              .anyMatch(link -> group.equals(link.getGroupId()));
          By link = By.cssSelector(".tasks-list li.task a[href*='task=" + task.getId() + "']");
          if (theirs) {
            assertThat(browser.visible(link).getText()).isEqualTo(task.getName());
          } else {
            assertThat(browser.all(link)).as(user + " sees " + task.getName()).isEmpty();
          }
        }
        if ("bangkok-ro".equals(user)) {
          // The progress board reads /api with this session, within the Regional Office's region only.
          assertThat(fetchStatus(browser, "/api/cycles/" + CYCLE + "/progress?regionalOffice=ro-bangkok"))
              .isEqualTo(200);
          assertThat(fetchStatus(browser, "/api/cycles/" + CYCLE + "/progress?regionalOffice=ro-nairobi"))
              .isEqualTo(403);
        }
        browser.screenshot();
      });
      // The engine's copy of the person: the provider's name, e-mail and groups, no password.
      User mirrored = identityService.createUserQuery().userId(user).singleResult();
      assertThat(mirrored.getEmail()).isEqualTo(user + "@hldprep.test");
      assertThat(identityService.createGroupQuery().groupMember(user).list()).extracting(Group::getId)
          .containsExactly(group);
      assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER where ID_ = ? and PWD_ is null",
          Integer.class, user)).isEqualTo(1);
    }
  }

  @Test
  void anAccountInNoneOfHldPrepsGroupsIsToldSo() throws Exception {
    scenario("sso-refused", browser -> {
      signIn(browser, url("/camunda/app/tasklist/"), "outsider");
      assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("No access to HLD Prep");
      assertThat(browser.visible(By.className("reason")).getText()).contains("staff-without-hld-prep")
          .contains("is one of HLD Prep's groups");
      browser.screenshot();
    });
    assertThat(identityService.createUserQuery().userId("outsider").count()).as("nothing stored").isZero();
  }

  @Test
  void signingOutEndsHldPrepsSessionAndTheProviders() throws Exception {
    scenario("sso-sign-out", browser -> {
      signIn(browser, url("/camunda/app/tasklist/"), "phl-officer");
      openMyGroupTasks(browser);
      String cookies = browser.driver().manage().getCookies().stream()
          .filter(c -> c.getDomain() == null || c.getDomain().contains("localhost"))
          .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
      assertThat(taskCount(cookies)).as("the session works before").isEqualTo(200);
      String offer = taskService.createTaskQuery().processInstanceBusinessKey(CYCLE + "-PHL").singleResult().getId();
      HttpResponse<String> withoutToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          url("/camunda/api/engine/engine/default/task/" + offer + "/claim"))).header("Cookie", cookies)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
              "{\"userId\":\"phl-officer\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(withoutToken.statusCode()).as("Camunda's CSRF token still guards writes").isEqualTo(403);

      browser.click(browser.present(By.cssSelector("li.account a.dropdown-toggle, li.account > a")));
      browser.click(browser.present(By.cssSelector("li.logout a")));
      browser.until(d -> d.getCurrentUrl().startsWith(url("/camunda/sso/signed-out")));
      assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Signed out");
      browser.screenshot();
      assertThat(taskCount(cookies)).as("HLD Prep's session is over").isEqualTo(401);

      // The provider asks for the password again: its session is over too.
      browser.click(browser.visible(By.id("next")));
      browser.until(d -> d.getCurrentUrl().startsWith(Keycloak.get().issuer()));
      browser.visible(By.id("username"));
    });
  }

  // --- the browser, as a person uses it ---

  /** Opens the page, is sent to the provider's login page, signs in there, and is sent back. */
  private void signIn(Browser browser, String page, String user) {
    browser.get(page);
    browser.until(d -> d.getCurrentUrl().startsWith(Keycloak.get().issuer()));
    browser.type(browser.visible(By.id("username")), user);
    browser.type(browser.visible(By.id("password")), user + "-sso");
    browser.click(browser.visible(By.id("kc-login")));
    browser.until(d -> d.getCurrentUrl().startsWith(url("/camunda/")));
  }

  private static String whoAmI(Browser browser) {
    return (String) browser.jsAsync("""
        const done = arguments[arguments.length - 1];
        fetch('/camunda/api/admin/auth/user/default', {headers: {Accept: 'application/json'}})
          .then(r => r.json()).then(j => done(j.userId)).catch(e => done('error ' + e));
        """);
  }

  private static long fetchStatus(Browser browser, String path) {
    return (Long) browser.jsAsync("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {headers: {Accept: 'application/json'}}).then(r => done(r.status))
          .catch(() => done(-1));
        """, path);
  }

  private static void openMyGroupTasks(Browser browser) {
    var filter = browser.visible(By.xpath(
        "//div[contains(@class,'task-filter')][.//h4[contains(normalize-space(.),'My group tasks')]]"));
    if (!filter.getDomAttribute("class").contains("active")) {
      browser.click(filter.findElement(By.cssSelector("h4 a")));
    }
    browser.until(d -> browser.visible(By.cssSelector(".task-filter.active .counter")).getText().matches("\\d+"));
  }

  private int taskCount(String cookies) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        url("/camunda/api/engine/engine/default/task/count"))).header("Cookie", cookies)
        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private void scenario(String name, BrowserScenario body) throws Exception {
    try (Browser browser = Browser.open(name)) {
      try {
        body.run(browser);
      } catch (Exception | AssertionError e) {
        try {
          browser.screenshot("failure");
        } catch (RuntimeException ignored) {
          // the original failure matters more
        }
        throw e;
      }
    }
  }

  @FunctionalInterface
  private interface BrowserScenario {
    void run(Browser browser) throws Exception;
  }

  // --- the engine, to arrange and to check ---

  private List<Task> tasksOfTheCycle() {
    return taskService.createTaskQuery().processInstanceBusinessKeyLike(CYCLE + "%").list();
  }

  private Set<String> groupsOf(List<Task> tasks) {
    return tasks.stream().flatMap(t -> taskService.getIdentityLinksForTask(t.getId()).stream())
        .map(link -> link.getGroupId()).filter(g -> g != null).collect(Collectors.toSet());
  }
}
