package org.hldprep.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.hldprep.support.TestMailServer;

/** What the mail ITs create for themselves: cycles, staff, processes; and the mails they received. */
final class MailFixtures {

  static final String PASSWORD = "a-test-password";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36)
      .toUpperCase(Locale.ROOT);

  private MailFixtures() {
  }

  /** A cycle name no other test uses (upper case letters and digits). */
  static String cycle() {
    return "HLDMAIL" + RUN + COUNTER.incrementAndGet();
  }

  /** A user id no other test uses, e.g. "mail-x3-7-phl". */
  static String userId(String what) {
    return ("mail-" + RUN + "-" + COUNTER.incrementAndGet() + "-" + what).toLowerCase(Locale.ROOT);
  }

  /** A staff member of the group; without an address when {@code email} is false. */
  static String staff(IdentityService identity, String what, String group, boolean email) {
    String id = userId(what);
    User user = identity.newUser(id);
    user.setFirstName(what);
    user.setLastName("Tester");
    if (email) {
      user.setEmail(id + "@hldprep.example");
    }
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
    return id;
  }

  static String address(String userId) {
    return userId + "@hldprep.example";
  }

  /**
   * A national consultation on its own, as a cycle in the given time zone: its first task (the offer to
   * the government, for the Country Office) is due on {@code offerDue}; every later date is further on,
   * the HLD (which every date not given here follows) more than a year later.
   */
  static ProcessInstance consultation(RuntimeService runtime, String country, String cycle, String timeZone,
      LocalDate offerDue, Map<String, Object> more) {
    var variables = Variables.createVariables().putValue("countryCode", country).putValue("cycle", cycle)
        .putValue("governmentResponseDeadline", offerDue.toString())
        .putValue("governmentFinalDeadline", offerDue.plusDays(20).toString())
        .putValue("arrangementsDeadline", offerDue.plusDays(40).toString())
        .putValue("summaryReminderDate", offerDue.plusDays(60).toString())
        .putValue("nationalSummaryDeadline", offerDue.plusDays(67).toString())
        .putValue("reviewDeadline", offerDue.plusDays(80).toString())
        .putValue("hldDate", offerDue.plusDays(400).toString());
    if (timeZone != null) {
      variables.putValue(CycleFacts.VAR_TIME_ZONE, timeZone);
    }
    variables.putAll(more);
    return started(runtime.startProcessInstanceByKey("national-consultation", cycle + "-" + country, variables));
  }

  private static final List<String> STARTED = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Remembers an instance a test started, for {@link #deleteStarted}. */
  static ProcessInstance started(ProcessInstance instance) {
    STARTED.add(instance.getId());
    return instance;
  }

  /** The ITs share one database: what a mail test started is deleted afterwards (other ITs count tasks). */
  static void deleteStarted(RuntimeService runtime) {
    List<String> ids = List.copyOf(STARTED);
    STARTED.removeAll(ids);
    runtime.deleteProcessInstancesIfExists(ids, "mail test finished", true, true, false);
  }

  /** The mails received about one task. */
  static List<TestMailServer.Message> mailsAbout(String taskId) {
    return TestMailServer.received().stream().filter(m -> m.key() != null && m.key().contains("|" + taskId + "|"))
        .toList();
  }

  /** The mails received by one user. */
  static List<TestMailServer.Message> mailsTo(String userId) {
    return TestMailServer.received().stream().filter(m -> address(userId).equals(m.to())).toList();
  }
}
