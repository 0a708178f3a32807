package org.hldprep.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.hldprep.engine.TaskChanges;
import org.hldprep.platform.settings.MailSettings;
import org.hldprep.process.hldpreparation.HldPreparationProcess;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The immediate notices: when a task is created for groups, each member with an e-mail address who
 * wants notices gets one, written to the outbox in the engine's transaction (a rolled-back creation
 * leaves no mail). It says no more than Tasklist's list does: the title (which names the country, RCP
 * or office), the cycle, the due date and the link. The tasks a cycle's start creates go into one summary
 * per person instead ({@link StartSummaries}). When a task's due date moves (the cycle's calendar changed,
 * or someone set it in Tasklist or over REST), the same people get one mail with the new date.
 *
 * <p>The task events come from the Camunda starter's eventing bridge ({@code camunda.bpm.eventing.task}):
 * its post-parse listener on every user task publishes the live {@link DelegateTask} synchronously, inside
 * the engine's command, after the models' and {@link org.hldprep.process.ProcessConventionsPlugin}'s create
 * listeners (routing and title); an exception here rolls the creation back. See decision 0014.
 */
@Component
public class TaskNotices {

  private final Outbox outbox;
  private final PreferenceStore preferences;
  private final MailTemplates templates;
  private final MailSettings settings;
  private final StartSummaries summaries;

  public TaskNotices(Outbox outbox, PreferenceStore preferences, MailTemplates templates, MailSettings settings,
      StartSummaries summaries) {
    this.outbox = outbox;
    this.preferences = preferences;
    this.templates = templates;
    this.settings = settings;
    this.summaries = summaries;
  }

  /** Every task event of the engine; a creation and a moved due date are told. */
  @EventListener
  public void onTaskEvent(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      taskCreated(task);
    } else if (TaskListener.EVENTNAME_UPDATE.equals(task.getEventName())) {
      TaskChanges.dueDateChange(task).ifPresent(change -> dueDateMoved(task, change));
    }
  }

  /**
   * A new task's notices, after routing and the title listener; a task of a cycle's start goes into that
   * start's summaries instead. Returns the notices added.
   */
  public int taskCreated(DelegateTask task) {
    Set<String> groups = groups(task);
    if (groups.isEmpty()) {
      return 0;
    }
    CycleFacts facts = CycleFacts.of(task, settings);
    var start = TaskChanges.startingRoot(task)
        .filter(root -> HldPreparationProcess.KEY.equals(root.processDefinitionKey()));
    if (start.isPresent() && summaries.collect(start.get().processInstanceId(), task, facts, groups)) {
      return 0;
    }
    LocalDate day = LocalDate.now(ZoneOffset.UTC);
    return tell(task, groups, facts, "notice", null, (person, text) -> new Outbox.NewMail(
        MailKey.notice(task.getId(), person.userId(), day), task.getId(), facts.cycle(), person.address(),
        text.subject(), text.body()));
  }

  /** One mail with the new due date to each of the task's people who want notices. Returns the mails added. */
  int dueDateMoved(DelegateTask task, TaskChanges.DueDateChange change) {
    Set<String> groups = groups(task);
    if (groups.isEmpty()) {
      return 0;
    }
    CycleFacts facts = CycleFacts.of(task, settings);
    LocalDate day = LocalDate.now(ZoneOffset.UTC);
    Instant due = change.after() == null ? null : change.after().toInstant();
    return tell(task, groups, facts, "moved", change.before(), (person, text) -> new Outbox.NewMail(
        MailKey.moved(task.getId(), due, person.userId(), day), task.getId(), facts.cycle(), person.address(),
        text.subject(), text.body(), facts.zone().getId(), List.of(new Outbox.MailTask(task.getId(), due))));
  }

  /**
   * The mail of {@code template} about the task (its title, cycle, due date, {@code before} it moved, link)
   * to each member of the groups who wants notices, in their language and zone, as {@code mail} files it.
   */
  private int tell(DelegateTask task, Set<String> groups, CycleFacts facts, String template, Date before,
      BiFunction<Recipients.Person, MailTemplates.Rendered, Outbox.NewMail> mail) {
    Recipients recipients = new Recipients(task.getProcessEngineServices().getIdentityService());
    int added = 0;
    for (Recipients.Person person : recipients.of(groups)) {
      NotificationPreferences choice = preferences.get(person.userId());
      if (!choice.delivery().notices()) {
        continue;
      }
      Locale locale = MailTemplates.locale(choice.language());
      ZoneId zone = choice.zoneOr(facts.zone());
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("name", person.name());
      model.put("title", task.getName());
      model.put("cycle", facts.cycle());
      model.put("due",
          task.getDueDate() == null ? null : templates.dateTime(task.getDueDate().toInstant(), zone, locale));
      model.put("before", before == null ? null : templates.dateTime(before.toInstant(), zone, locale));
      model.put("link", settings.taskLink(task.getId()));
      model.put("preferencesLink", settings.tasklistLink());
      MailTemplates.Rendered text = templates.render(template, locale, new Object[]{task.getName()}, model);
      if (outbox.add(mail.apply(person, text))) {
        added++;
      }
    }
    return added;
  }

  private static Set<String> groups(DelegateTask task) {
    return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }
}
