package org.hldprep.notification;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.hldprep.platform.settings.MailSettings;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The immediate notice: when a task is created for groups, each member with an e-mail address who
 * wants notices gets one, written to the outbox in the engine's transaction (a rolled-back creation
 * leaves no mail). It says no more than Tasklist's list does: the title (which names the country, RCP
 * or office), the cycle, the due date and the link.
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

  public TaskNotices(Outbox outbox, PreferenceStore preferences, MailTemplates templates, MailSettings settings) {
    this.outbox = outbox;
    this.preferences = preferences;
    this.templates = templates;
    this.settings = settings;
  }

  /** Every task event of the engine; only a creation is noticed. */
  @EventListener
  public void onTaskEvent(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      taskCreated(task);
    }
  }

  /** A new task's notices, after routing and the title listener. Returns the mails added. */
  public int taskCreated(DelegateTask task) {
    Set<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    if (groups.isEmpty()) {
      return 0;
    }
    CycleFacts facts = CycleFacts.of(task, settings);
    Recipients recipients = new Recipients(task.getProcessEngineServices().getIdentityService());
    LocalDate day = LocalDate.now(ZoneOffset.UTC);
    int added = 0;
    for (Recipients.Person person : recipients.of(groups)) {
      NotificationPreferences choice = preferences.get(person.userId());
      if (!choice.delivery().notices()) {
        continue;
      }
      Locale locale = MailTemplates.locale(choice.language());
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("name", person.name());
      model.put("title", task.getName());
      model.put("cycle", facts.cycle());
      model.put("due", task.getDueDate() == null
          ? null
          : templates.dateTime(task.getDueDate().toInstant(), choice.zoneOr(facts.zone()), locale));
      model.put("link", settings.taskLink(task.getId()));
      model.put("preferencesLink", settings.tasklistLink());
      MailTemplates.Rendered mail = templates.render("notice", locale, new Object[]{task.getName()}, model);
      if (outbox.add(new Outbox.NewMail(MailKey.notice(task.getId(), person.userId(), day), task.getId(),
          facts.cycle(), person.address(), mail.subject(), mail.body()))) {
        added++;
      }
    }
    return added;
  }
}
