package org.hldprep.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.hldprep.platform.settings.MailSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A cycle's start in one mail per person: the tasks that the start of a cycle creates (dozens for a unit
 * that serves every RCP) are gathered in the engine's transaction, and just before it commits each member
 * of their groups who wants notices gets one summary of their tasks of that cycle, soonest due first, in
 * their language. A task created later in the running cycle has a notice of its own ({@link TaskNotices}).
 */
@Component
public class StartSummaries {

  private final Outbox outbox;
  private final PreferenceStore preferences;
  private final MailTemplates templates;
  private final MailSettings settings;

  public StartSummaries(Outbox outbox, PreferenceStore preferences, MailTemplates templates, MailSettings settings) {
    this.outbox = outbox;
    this.preferences = preferences;
    this.templates = templates;
    this.settings = settings;
  }

  /** One task in a summary. */
  record Line(String taskId, String title, Instant due) {
  }

  /**
   * Adds a task the start of the cycle {@code masterId} created to this transaction's summaries; false when
   * no transaction is there to wait for (the caller then sends the task's own notice).
   */
  boolean collect(String masterId, DelegateTask task, CycleFacts facts, Collection<String> groups) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return false;
    }
    Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
    if (batch == null) {
      batch = new Batch(new Recipients(task.getProcessEngineServices().getIdentityService()));
      TransactionSynchronizationManager.bindResource(this, batch);
      TransactionSynchronizationManager.registerSynchronization(batch);
    }
    Line line = new Line(task.getId(), task.getName(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant());
    for (Recipients.Person person : batch.recipients.of(groups)) {
      batch.summaries.computeIfAbsent(masterId + "|" + person.userId(), k -> new Summary(masterId, facts, person)).lines
          .add(line);
    }
    return true;
  }

  /** One person's summary of one cycle's start. */
  private record Summary(String masterId, CycleFacts facts, Recipients.Person person, List<Line> lines) {
    Summary(String masterId, CycleFacts facts, Recipients.Person person) {
      this(masterId, facts, person, new ArrayList<>());
    }
  }

  /** The summaries of one transaction, written to the outbox just before it commits. */
  private final class Batch implements TransactionSynchronization {
    private final Recipients recipients;
    private final Map<String, Summary> summaries = new LinkedHashMap<>();

    Batch(Recipients recipients) {
      this.recipients = recipients;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      LocalDate day = LocalDate.now(ZoneOffset.UTC);
      for (Summary summary : summaries.values()) {
        NotificationPreferences choice = preferences.get(summary.person().userId());
        if (!choice.delivery().notices()) {
          continue;
        }
        MailTemplates.Rendered mail = render(summary.person().name(), choice, summary.facts().cycle(),
            summary.facts().zone(), summary.lines());
        outbox.add(new Outbox.NewMail(MailKey.summary(summary.masterId(), summary.person().userId(), day), null,
            summary.facts().cycle(), summary.person().address(), mail.subject(), mail.body(),
            summary.facts().zone().getId(),
            summary.lines().stream().map(l -> new Outbox.MailTask(l.taskId(), l.due())).toList()));
      }
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(StartSummaries.this);
    }
  }

  /** The summary as the person reads it: their language, their time zone or else the cycle's. */
  MailTemplates.Rendered render(String name, NotificationPreferences choice, String cycle, ZoneId cycleZone,
      List<Line> lines) {
    Locale locale = MailTemplates.locale(choice.language());
    ZoneId zone = choice.zoneOr(cycleZone);
    List<Map<String, Object>> items = new ArrayList<>();
    lines.stream().sorted(Comparator.comparing(Line::due, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Line::title, Comparator.nullsLast(Comparator.naturalOrder()))).forEach(line -> {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("title", line.title());
          item.put("due", line.due() == null ? null : templates.dateTime(line.due(), zone, locale));
          item.put("link", settings.taskLink(line.taskId()));
          items.add(item);
        });
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", name);
    model.put("cycle", cycle);
    model.put("lines", items);
    model.put("preferencesLink", settings.tasklistLink());
    return templates.render("summary", locale, new Object[]{cycle, lines.size()}, model);
  }
}
