package org.hldprep.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hldprep.platform.settings.MailSettings;
import org.hldprep.reference.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each template renders in English, French and Spanish, with the dates in the reader's zone and language. */
class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates();
  private final MailSettings settings = new MailSettings("https://hldprep.example.org/", "hld@example.org", null,
      ZoneId.of("Europe/Zurich"), 7, new MailSettings.Digest(true, 7, 60000),
      new MailSettings.Worker(true, 2000, 20, java.time.Duration.ofMinutes(5), 12, java.time.Duration.ofSeconds(30),
          java.time.Duration.ofHours(1)));
  private static final Instant DUE = Instant.parse("2030-02-14T23:00:00Z");

  @ParameterizedTest
  @CsvSource({
      "en, New task: Offer the consultation – Philippines, A new task has reached your office, Due, Friday, 15 February 2030, 07:00 (Asia/Manila)",
      "fr, Nouvelle tâche : Offer the consultation – Philippines, Une nouvelle tâche est arrivée, Échéance, vendredi 15 février 2030, 07:00 (Asia/Manila)",
      "es, Nueva tarea: Offer the consultation – Philippines, Una nueva tarea ha llegado, Vencimiento, viernes, 15 de febrero de 2030, 7:00 (Asia/Manila)"})
  void theNoticeRendersInEachLanguage(String language, String subject, String intro, String dueLabel, String due) {
    java.util.Locale locale = MailTemplates.locale(language);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", "Philippines Country Officer");
    model.put("title", "Offer the consultation – Philippines");
    model.put("cycle", "HLD2030");
    model.put("due", templates.dateTime(DUE, ZoneId.of("Asia/Manila"), locale));
    model.put("link", settings.taskLink("t-1"));
    model.put("preferencesLink", settings.tasklistLink());
    MailTemplates.Rendered mail = templates.render("notice", locale, new Object[]{model.get("title")}, model);

    assertThat(mail.subject()).isEqualTo("[HLD Prep] " + subject);
    assertThat(mail.body()).contains(intro).contains(dueLabel + ": " + due).contains("HLD2030")
        .contains("https://hldprep.example.org/camunda/app/tasklist/default/#/?task=t-1")
        .contains("https://hldprep.example.org/camunda/app/tasklist/)").doesNotContain("#{").doesNotContain("${");
  }

  @ParameterizedTest
  @CsvSource({
      "en, Your offices' tasks, In copy: overdue tasks of offices you cover, Overdue by 12 days, is in copy., Due ",
      "fr, Tâches de vos bureaux, En copie : tâches en retard, En retard de 12 jours, est en copie., Échéance ",
      "es, Tareas de sus oficinas, En copia: tareas atrasadas, Atrasada 12 días, está en copia., Vence "})
  void theDigestRendersInEachLanguage(String language, String mine, String copy, String overdue, String escalated,
      String due) {
    DailyDigest digest = new DailyDigest(null, null, null, null, null, templates, settings,
        new EscalationRule(ReferenceData.get()), null, null);
    Instant now = Instant.parse("2030-03-01T06:30:00Z");
    List<DailyDigest.Line> mineLines = List.of(
        new DailyDigest.Line("t-1", "Offer the consultation – Philippines", "HLD2030", DUE, 12, "ro-bangkok"),
        new DailyDigest.Line("t-2", "Write the regional synthesis – Regional Office Bangkok", "HLD2031",
            now.plusSeconds(86400 * 3), -1, null));
    List<DailyDigest.Line> copyLines = List.of(
        new DailyDigest.Line("t-3", "Offer the consultation – Thailand", "HLD2030", DUE, 12, "ro-bangkok"));
    MailTemplates.Rendered mail = digest.render(new Recipients.Person("u", "Bangkok Regional Officer", "u@x"),
        new NotificationPreferences(Delivery.BOTH, language, null), ZoneId.of("Asia/Bangkok"),
        LocalDate.of(2030, 3, 1), mineLines, copyLines);

    assertThat(mail.body()).contains(mine).contains(copy).contains(overdue).contains(escalated).contains(due)
        .contains("HLD2030").contains("HLD2031").contains("Regional Office Bangkok")
        .contains("?task=t-1").contains("?task=t-2").contains("?task=t-3");
    assertThat(mail.body().indexOf("HLD2031")).as("cycles in order").isGreaterThan(mail.body().indexOf("HLD2030"));
  }

  @ParameterizedTest
  @CsvSource({
      "en, The cycle HLD2030 has started: 2 tasks for you, The cycle HLD2030 has started., Due, "
          + "The cycle HLD2030 has started: 1 task for you",
      "fr, Le cycle HLD2030 a commencé : 2 tâches pour vous, Le cycle HLD2030 a commencé., Échéance, "
          + "Le cycle HLD2030 a commencé : 1 tâche pour vous",
      "es, El ciclo HLD2030 ha comenzado: 2 tareas para usted, El ciclo HLD2030 ha comenzado., Vencimiento, "
          + "El ciclo HLD2030 ha comenzado: 1 tarea para usted"})
  void theStartSummaryRendersInEachLanguageSoonestDueFirst(String language, String subject, String intro,
      String dueLabel, String oneTask) {
    java.util.Locale locale = MailTemplates.locale(language);
    StartSummaries summaries = new StartSummaries(null, null, templates, settings);
    NotificationPreferences choice = new NotificationPreferences(Delivery.BOTH, language, "Asia/Manila");
    List<StartSummaries.Line> lines = List.of(
        new StartSummaries.Line("t-2", "Contact the chair – Bali Process", DUE.plusSeconds(86400 * 30)),
        new StartSummaries.Line("t-1", "Contact the chair – Colombo Process", DUE));
    MailTemplates.Rendered mail = summaries.render("RCP Focal Point", choice, "HLD2030", ZoneId.of("Europe/Zurich"),
        lines);

    assertThat(mail.subject()).isEqualTo("[HLD Prep] " + subject);
    assertThat(mail.body()).contains(intro).contains("RCP Focal Point")
        .contains(dueLabel + ": " + templates.dateTime(DUE, ZoneId.of("Asia/Manila"), locale))
        .contains("https://hldprep.example.org/camunda/app/tasklist/default/#/?task=t-1")
        .contains("?task=t-2").doesNotContain("#{").doesNotContain("${");
    assertThat(mail.body().indexOf("Colombo")).as("soonest due first").isLessThan(mail.body().indexOf("Bali"));
    assertThat(summaries.render("RCP Focal Point", choice, "HLD2030", ZoneId.of("Europe/Zurich"), lines.subList(0, 1))
        .subject()).isEqualTo("[HLD Prep] " + oneTask);
  }

  @ParameterizedTest
  @CsvSource({
      "en, Due date moved: Offer the consultation – Kenya, The due date of a task of your office has moved, "
          + "Was due",
      "fr, Échéance déplacée : Offer the consultation – Kenya, L'échéance d'une tâche de votre bureau a changé, "
          + "Ancienne échéance",
      "es, Vencimiento cambiado: Offer the consultation – Kenya, El vencimiento de una tarea de su oficina ha "
          + "cambiado, Vencimiento anterior"})
  void theMovedDueDateRendersInEachLanguageWithTheOldAndTheNewDate(String language, String subject, String intro,
      String before) {
    java.util.Locale locale = MailTemplates.locale(language);
    Instant december = Instant.parse("2026-12-01T22:59:59Z");
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", "Kenya Country Officer");
    model.put("title", "Offer the consultation – Kenya");
    model.put("cycle", "HLD2030");
    model.put("due", templates.dateTime(december, ZoneId.of("Africa/Nairobi"), locale));
    model.put("before", templates.dateTime(DUE, ZoneId.of("Africa/Nairobi"), locale));
    model.put("link", settings.taskLink("t-1"));
    model.put("preferencesLink", settings.tasklistLink());
    MailTemplates.Rendered mail = templates.render("moved", locale, new Object[]{model.get("title")}, model);

    assertThat(mail.subject()).isEqualTo("[HLD Prep] " + subject);
    assertThat(mail.body()).contains(intro).contains(": " + model.get("due"))
        .contains(before + ": " + model.get("before")).contains("HLD2030").contains("?task=t-1")
        .doesNotContain("#{").doesNotContain("${");
  }
}
