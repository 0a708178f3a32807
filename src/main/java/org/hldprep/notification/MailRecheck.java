package org.hldprep.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.hldprep.engine.AsEngine;
import org.hldprep.platform.settings.MailSettings;
import org.springframework.stereotype.Component;

/**
 * What the outbox worker asks just before it sends a mail about tasks: is it still true? A notice goes only
 * while its task is open (not completed, cut off or cancelled); a moved due date only while the task is open
 * and still due then (a later move has its own mail); a cycle's start summary lists the tasks still open, with
 * their due dates as they are now, and goes only while one is. Otherwise the mail is dropped, not sent.
 */
@Component
public class MailRecheck implements OutboxWorker.Recheck {

  private final TaskService taskService;
  private final IdentityService identityService;
  private final Outbox outbox;
  private final PreferenceStore preferences;
  private final StartSummaries summaries;
  private final MailSettings settings;

  public MailRecheck(TaskService taskService, IdentityService identityService, Outbox outbox,
      PreferenceStore preferences, StartSummaries summaries, MailSettings settings) {
    this.taskService = taskService;
    this.identityService = identityService;
    this.outbox = outbox;
    this.preferences = preferences;
    this.summaries = summaries;
    this.settings = settings;
  }

  @Override
  public Optional<Outbox.Mail> recheck(Outbox.Mail mail) {
    return switch (mail.kind()) {
      case MailKey.NOTICE -> mail.taskId() == null || !open(List.of(mail.taskId())).isEmpty()
          ? Optional.of(mail)
          : Optional.empty();
      case MailKey.MOVED -> stillTrue(outbox.tasksOf(mail.id())) ? Optional.of(mail) : Optional.empty();
      case MailKey.SUMMARY -> summary(mail);
      default -> Optional.of(mail);
    };
  }

  /** Every task open, each due as the mail says. */
  private boolean stillTrue(List<Outbox.MailTask> stated) {
    Map<String, Task> open = open(stated.stream().map(Outbox.MailTask::taskId).toList());
    return !stated.isEmpty() && stated.stream()
        .allMatch(t -> open.containsKey(t.taskId()) && sameSecond(t.due(), due(open.get(t.taskId()))));
  }

  private Optional<Outbox.Mail> summary(Outbox.Mail mail) {
    List<Outbox.MailTask> stated = outbox.tasksOf(mail.id());
    if (stillTrue(stated)) {
      return Optional.of(mail);
    }
    Map<String, Task> open = open(stated.stream().map(Outbox.MailTask::taskId).toList());
    if (open.isEmpty()) {
      return Optional.empty();
    }
    List<StartSummaries.Line> lines = open.values().stream()
        .map(t -> new StartSummaries.Line(t.getId(), t.getName(), due(t))).toList();
    ZoneId cycleZone = CycleFacts.zone(mail.timeZone(), settings.defaultTimeZone());
    MailTemplates.Rendered text = summaries.render(name(mail.recipientUser()),
        preferences.get(mail.recipientUser()), mail.cycle(), cycleZone, lines);
    return Optional.of(mail.withText(text.subject(), text.body()));
  }

  /** The open ones of these tasks, by id (as the engine: the worker acts for nobody). */
  private Map<String, Task> open(List<String> taskIds) {
    if (taskIds.isEmpty()) {
      return Map.of();
    }
    return AsEngine.call(identityService, () -> taskService.createTaskQuery()
        .taskIdIn(taskIds.toArray(String[]::new)).list()).stream()
        .collect(Collectors.toMap(Task::getId, Function.identity()));
  }

  private String name(String userId) {
    User user = AsEngine.call(identityService, () -> identityService.createUserQuery().userId(userId).singleResult());
    return user == null ? userId : Recipients.name(user);
  }

  /** The database keeps a due date to the millisecond or the second: a move is a move of a second or more. */
  static boolean sameSecond(Instant one, Instant other) {
    return one == null || other == null ? one == other : one.getEpochSecond() == other.getEpochSecond();
  }

  private static Instant due(Task task) {
    Date due = task.getDueDate();
    return due == null ? null : due.toInstant();
  }
}
