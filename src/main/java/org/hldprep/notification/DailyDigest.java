package org.hldprep.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.hldprep.platform.settings.MailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: once a day per time zone, from {@code hldprep.mail.digest.hour} local time, each
 * user gets one mail with the open tasks of their groups that are due within seven days or overdue,
 * grouped by cycle, for the cycles of that time zone; a task overdue by the cycle's
 * {@code escalationAfterDays} or more also goes, in copy, to the members of the office above
 * ({@link EscalationRule}). Nothing to say, no mail.
 *
 * <p>Two nodes: the run of a time zone and day is recorded in {@code hldprep_mail_digest_run} in the same
 * transaction as its mails; the second node's insert fails on the primary key and it rolls back, and each
 * mail's key is unique besides.
 */
@Component
public class DailyDigest {

  static final Duration HORIZON = Duration.ofDays(7);
  private static final Logger LOG = LoggerFactory.getLogger(DailyDigest.class);

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Outbox outbox;
  private final PreferenceStore preferences;
  private final MailTemplates templates;
  private final MailSettings settings;
  private final EscalationRule escalation;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public DailyDigest(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
      Outbox outbox, PreferenceStore preferences, MailTemplates templates, MailSettings settings,
      EscalationRule escalation, JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.outbox = outbox;
    this.preferences = preferences;
    this.templates = templates;
    this.settings = settings;
    this.escalation = escalation;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  @Scheduled(fixedDelayString = "#{@mailSettings.digest().pollMillis()}", initialDelay = 20000)
  public void scheduled() {
    scheduled(Instant.now());
  }

  /** One look of the scheduler at the clock, which reads {@code now}: tests pass the moment they need. */
  void scheduled(Instant now) {
    if (!settings.digest().enabled()) {
      return;
    }
    try {
      for (ZoneId zone : zonesDue(cycleZones(), now, settings.digest().hour())) {
        int mails = run(zone, now);
        if (mails >= 0) {
          LOG.info("Daily digest for {} on {}: {} mails", zone, now.atZone(zone).toLocalDate(), mails);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Daily digest not composed this time, next try in {} ms: {}", settings.digest().pollMillis(),
          e.toString());
    }
  }

  /** The zones in which the digest hour has come today. */
  static List<ZoneId> zonesDue(Set<ZoneId> zones, Instant now, int hour) {
    return zones.stream().filter(z -> now.atZone(z).getHour() >= hour).toList();
  }

  /** The default zone and every {@code timeZone} of a running process. */
  Set<ZoneId> cycleZones() {
    Set<ZoneId> zones = new LinkedHashSet<>();
    zones.add(settings.defaultTimeZone());
    for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
        .variableName(CycleFacts.VAR_TIME_ZONE).list()) {
      zones.add(CycleFacts.of(null, variable.getValue(), null, settings).zone());
    }
    return zones;
  }

  /**
   * Composes the digest of one time zone for its local day at {@code now}, at most once across all nodes
   * and runs. Returns the number of mails written, or -1 when this zone and day was done already.
   */
  public int run(ZoneId zone, Instant now) {
    LocalDate day = now.atZone(zone).toLocalDate();
    Integer done = jdbc.queryForObject("SELECT COUNT(*) FROM hldprep_mail_digest_run WHERE time_zone = ?"
        + " AND run_day = ?", Integer.class, zone.getId(), day);
    if (done != null && done > 0) {
      return -1;
    }
    try {
      return transaction.execute(status -> {
        jdbc.update("INSERT INTO hldprep_mail_digest_run (time_zone, run_day, node, started_at) VALUES (?, ?, ?, ?)",
            zone.getId(), day, nodeName(), Outbox.utc(now));
        return compose(zone, day, now);
      });
    } catch (DataIntegrityViolationException e) {
      return -1; // another node composed it in the meantime
    }
  }

  /** One line of a digest: an open task as anyone concerned sees it. */
  record Line(String taskId, String title, String cycle, Instant due, long overdueDays, String copyGroup) {
  }

  private int compose(ZoneId zone, LocalDate day, Instant now) {
    Recipients recipients = new Recipients(identityService);
    Map<String, Recipients.Person> people = new HashMap<>();
    Map<String, List<Line>> mine = new TreeMap<>();
    Map<String, List<Line>> inCopy = new TreeMap<>();
    Map<String, CycleFacts> factsByInstance = new HashMap<>();
    for (Task task : taskService.createTaskQuery().active().dueBefore(Date.from(now.plus(HORIZON)))
        .orderByDueDate().asc().list()) {
      if (task.getProcessInstanceId() == null) {
        continue;
      }
      Map<String, Object> own = taskService.getVariables(task.getId(), List.of(CycleFacts.VAR_CYCLE,
          CycleFacts.VAR_TIME_ZONE, "countryCode", "rcpCode"));
      CycleFacts facts = factsByInstance.computeIfAbsent(task.getProcessInstanceId(), id -> facts(id, own));
      if (!facts.zone().equals(zone)) {
        continue;
      }
      Set<String> groups = new LinkedHashSet<>();
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
      Instant due = task.getDueDate().toInstant();
      long overdueDays = due.isBefore(now) ? ChronoUnit.DAYS.between(due.atZone(zone).toLocalDate(), day) : -1;
      Optional<String> copy = overdueDays >= facts.escalationAfterDays()
          ? escalation.coveringGroup(groups, string(own.get("countryCode")), string(own.get("rcpCode")))
          : Optional.empty();
      Line line = new Line(task.getId(), task.getName(), facts.cycle(), due, overdueDays, copy.orElse(null));
      Set<String> holders = new TreeSet<>();
      for (Recipients.Person person : recipients.of(groups)) {
        people.putIfAbsent(person.userId(), person);
        mine.computeIfAbsent(person.userId(), u -> new ArrayList<>()).add(line);
        holders.add(person.userId());
      }
      if (copy.isPresent()) {
        for (Recipients.Person person : recipients.of(copy.get())) {
          if (!holders.contains(person.userId())) {
            people.putIfAbsent(person.userId(), person);
            inCopy.computeIfAbsent(person.userId(), u -> new ArrayList<>()).add(line);
          }
        }
      }
    }
    int mails = 0;
    for (Recipients.Person person : people.values()) {
      NotificationPreferences choice = preferences.get(person.userId());
      if (!choice.delivery().digest()) {
        continue;
      }
      MailTemplates.Rendered mail = render(person, choice, zone, day, mine.getOrDefault(person.userId(), List.of()),
          inCopy.getOrDefault(person.userId(), List.of()));
      if (outbox.add(new Outbox.NewMail(MailKey.digest(zone.getId(), person.userId(), day), null, null,
          person.address(), mail.subject(), mail.body()))) {
        mails++;
      }
    }
    return mails;
  }

  MailTemplates.Rendered render(Recipients.Person person, NotificationPreferences choice, ZoneId cycleZone,
      LocalDate day, List<Line> mine, List<Line> inCopy) {
    Locale locale = MailTemplates.locale(choice.language());
    ZoneId zone = choice.zoneOr(cycleZone);
    List<Map<String, Object>> sections = new ArrayList<>();
    if (!mine.isEmpty()) {
      sections.add(section(templates.message("digest.mine", locale), mine, zone, locale));
    }
    if (!inCopy.isEmpty()) {
      sections.add(section(templates.message("digest.copy", locale), inCopy, zone, locale));
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", person.name());
    model.put("sections", sections);
    model.put("preferencesLink", settings.tasklistLink());
    String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    return templates.render("digest", locale, new Object[]{date}, model);
  }

  private Map<String, Object> section(String heading, List<Line> lines, ZoneId zone, Locale locale) {
    Map<String, List<Map<String, Object>>> byCycle = new TreeMap<>();
    lines.stream().sorted(Comparator.comparing(Line::due).thenComparing(Line::title)).forEach(line -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("title", line.title());
      String due = templates.dateTime(line.due(), zone, locale);
      item.put("status", line.overdueDays() >= 0
          ? templates.message("digest.overdue", locale, line.overdueDays(), due)
          : templates.message("digest.due", locale, due));
      item.put("copy", line.copyGroup() == null
          ? null
          : templates.message("digest.escalated", locale, escalation.name(line.copyGroup())));
      item.put("link", settings.taskLink(line.taskId()));
      byCycle.computeIfAbsent(line.cycle(), c -> new ArrayList<>()).add(item);
    });
    List<Map<String, Object>> cycles = new ArrayList<>();
    byCycle.forEach((name, items) -> cycles.add(Map.of("name", name, "lines", items)));
    return Map.of("heading", heading, "cycles", cycles);
  }

  private CycleFacts facts(String processInstanceId, Map<String, Object> own) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    String rootId = instance == null ? processInstanceId : instance.getRootProcessInstanceId();
    ProcessInstance root = rootId.equals(processInstanceId)
        ? instance
        : runtimeService.createProcessInstanceQuery().processInstanceId(rootId).singleResult();
    Map<String, Object> cycle = runtimeService.getVariables(rootId, List.of(CycleFacts.VAR_CYCLE,
        CycleFacts.VAR_TIME_ZONE, CycleFacts.VAR_ESCALATION_AFTER_DAYS));
    return CycleFacts.of(CycleFacts.first(own.get(CycleFacts.VAR_CYCLE), cycle.get(CycleFacts.VAR_CYCLE),
        root == null ? null : root.getBusinessKey()),
        CycleFacts.first(own.get(CycleFacts.VAR_TIME_ZONE), cycle.get(CycleFacts.VAR_TIME_ZONE)),
        cycle.get(CycleFacts.VAR_ESCALATION_AFTER_DAYS), settings);
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  private static String nodeName() {
    return ProcessHandle.current().pid() + "@" + System.getenv().getOrDefault("HOSTNAME", "localhost");
  }
}
