package org.hldprep.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hldprep.security.DemoUsers;

/**
 * Staff working in their task lists over REST, as the demo users: find the task, check that exactly
 * the right people see it, claim it, complete it with form values.
 */
public final class DemoStaff {

  private final int port;
  private final Set<String> everyone;

  public DemoStaff(int port, String... extraUsers) {
    this.port = port;
    this.everyone = new java.util.LinkedHashSet<>(DemoUsers.USERS.keySet());
    everyone.addAll(List.of(extraUsers));
  }

  public Http as(String user) {
    return DemoUsers.USERS.containsKey(user) ? Http.as(port, user) : Http.as(port, user, "a-test-password");
  }

  /** Waits until the task appears for the actor; checks that exactly {@code audience} sees it. */
  public String find(String taskKey, String businessKey, String actor, Set<String> audience) {
    String query = "/engine-rest/task?maxResults=50&taskDefinitionKey=" + taskKey + "&processInstanceBusinessKey="
        + businessKey;
    JsonNode[] found = new JsonNode[1];
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      JsonNode tasks = as(actor).get(query).okJson(); // a 500 fails at once, not waited out
      assertThat(tasks.size()).as(taskKey + " of " + businessKey + " for " + actor).isEqualTo(1);
      found[0] = tasks.get(0);
    });
    String taskId = found[0].get("id").asText();
    Set<String> seeing = everyone.stream().filter(u -> as(u).get("/engine-rest/task/" + taskId).status() == 200)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    assertThat(seeing).as("who sees " + taskKey + " of " + businessKey)
        .containsExactlyInAnyOrderElementsOf(withAdmin(audience));
    return taskId;
  }

  /** Finds the task (see {@link #find}), claims it as the actor and completes it with these values. */
  public void work(String taskKey, String businessKey, String actor, Map<String, Object> values) {
    work(taskKey, businessKey, actor, Set.of(actor), values);
  }

  public void work(String taskKey, String businessKey, String actor, Set<String> audience, Map<String, Object> values) {
    String taskId = find(taskKey, businessKey, actor, audience);
    assertThat(as(actor).post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", actor)).status())
        .isEqualTo(204);
    // A job of the same instance (a tally, a timer) may commit at the same moment: the client is told 409
    // and sends again, as the Guarantees say; any other answer is final.
    Conflicts.sendUntilNot409(taskKey + " completion", 204, Duration.ofSeconds(30),
        () -> as(actor).post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", Http.variables(values))));
  }

  /**
   * As {@link #work}, while the job executor moves the same instance on: a claim or completion that meets
   * it gets 409 and, like any client, the actor sends it again (the task is still there, the transaction
   * rolled back). Anything but 409 and 204 fails at once.
   */
  public void workThroughConflicts(String taskKey, String businessKey, String actor, Map<String, Object> values,
      Duration patience) {
    String taskId = find(taskKey, businessKey, actor, Set.of(actor));
    Conflicts.sendUntilNot409(taskKey + " claim", 204, patience,
        () -> as(actor).post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", actor)));
    Conflicts.sendUntilNot409(taskKey + " completion", 204, patience,
        () -> as(actor).post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", Http.variables(values))));
  }

  /** The administrator holds ALL on tasks, so it sees everything besides the routed staff. */
  private static Set<String> withAdmin(Set<String> audience) {
    Set<String> all = new java.util.TreeSet<>(audience);
    all.add("admin");
    return all;
  }
}
