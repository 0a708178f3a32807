package org.hldprep.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbox of mails ({@code hldprep_mail_outbox}). {@link #add} runs in the caller's transaction (the
 * engine's, through Spring's transaction manager on the same DataSource), so a mail exists exactly when
 * the event that caused it committed. The other methods are single autocommitted statements whose
 * WHERE clauses make them safe between nodes: a mail is claimed by a conditional update that only one
 * node can win, and only the claiming node may record its outcome.
 */
@Repository
public class Outbox {

  public static final String PENDING = "PENDING";
  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";
  /** Not sent: what it told had stopped being true before it could go (its tasks ended, its date moved again). */
  public static final String DROPPED = "DROPPED";

  private static final String COLUMNS = "id, mail_key, kind, task_id, cycle_name, recipient_user, recipient_address,"
      + " subject, body, status, attempts, next_attempt_at, last_error, created_at, sent_at, lease_owner, time_zone";

  private final JdbcTemplate jdbc;

  public Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A mail to add; {@code tasks} are those it tells about with the due date it states (checked again before
   * sending), {@code timeZone} the cycle's zone its dates were written in.
   */
  public record NewMail(MailKey key, String taskId, String cycle, String address, String subject, String body,
      String timeZone, List<MailTask> tasks) {
    public NewMail(MailKey key, String taskId, String cycle, String address, String subject, String body) {
      this(key, taskId, cycle, address, subject, body, null, List.of());
    }
  }

  /** A task a mail tells about, and the due date the mail states for it (null: none). */
  public record MailTask(String taskId, Instant due) {
  }

  /** A mail as stored. */
  public record Mail(String id, String key, String kind, String taskId, String cycle, String recipientUser,
      String recipientAddress, String subject, String body, String status, int attempts, Instant nextAttemptAt,
      String lastError, Instant createdAt, Instant sentAt, String node, String timeZone) {

    /** The same mail with other words (a summary composed anew before sending). */
    public Mail withText(String newSubject, String newBody) {
      return new Mail(id, key, kind, taskId, cycle, recipientUser, recipientAddress, newSubject, newBody, status,
          attempts, nextAttemptAt, lastError, createdAt, sentAt, node, timeZone);
    }
  }

  /**
   * Adds the mail unless one with the same key exists (then nothing happens and false is returned).
   * The unique key is the last word: the check only spares the caller a failed insert.
   */
  public boolean add(NewMail mail) {
    Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM hldprep_mail_outbox WHERE mail_key = ?",
        Integer.class, mail.key().value());
    if (existing != null && existing > 0) {
      return false;
    }
    OffsetDateTime now = utc(Instant.now());
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO hldprep_mail_outbox (id, mail_key, kind, task_id, cycle_name, recipient_user,"
        + " recipient_address, subject, body, status, attempts, next_attempt_at, created_at, time_zone)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
        id, mail.key().value(), mail.key().kind(), mail.taskId(), mail.cycle(), mail.key().recipient(),
        mail.address(), mail.subject(), mail.body(), PENDING, now, now, mail.timeZone());
    for (MailTask task : mail.tasks()) {
      jdbc.update("INSERT INTO hldprep_mail_task (mail_id, task_id, due_at) VALUES (?, ?, ?)", id, task.taskId(),
          task.due() == null ? null : utc(task.due()));
    }
    return true;
  }

  /** The tasks a mail tells about, as it states them. */
  public List<MailTask> tasksOf(String id) {
    return jdbc.query("SELECT task_id, due_at FROM hldprep_mail_task WHERE mail_id = ? ORDER BY task_id",
        (rs, row) -> new MailTask(rs.getString("task_id"), instant(rs, "due_at")), id);
  }

  /** Ids of mails that are due and not held by a live lease, oldest first. */
  public List<String> due(Instant now, int limit) {
    return jdbc.queryForList("SELECT id FROM hldprep_mail_outbox WHERE status = ? AND next_attempt_at <= ?"
        + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at, created_at"
        + " FETCH FIRST " + limit + " ROWS ONLY", String.class, PENDING, utc(now), utc(now));
  }

  /**
   * Claims one mail for this node until {@code now + lease}: true for exactly one of several nodes
   * trying at once (the row is re-checked under its row lock by PostgreSQL and H2 alike).
   */
  public Optional<Mail> claim(String id, String node, Instant now, Duration lease) {
    int claimed = jdbc.update("UPDATE hldprep_mail_outbox SET lease_owner = ?, lease_until = ? WHERE id = ?"
        + " AND status = ? AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)",
        node, utc(now.plus(lease)), id, PENDING, utc(now), utc(now));
    return claimed == 1 ? find(id) : Optional.empty();
  }

  /** Records the delivery (lease_owner then says which node sent it); only the claiming node can. */
  public boolean markSent(String id, String node) {
    return jdbc.update("UPDATE hldprep_mail_outbox SET status = ?, sent_at = ?, last_error = NULL,"
        + " lease_until = NULL WHERE id = ? AND lease_owner = ?",
        SENT, utc(Instant.now()), id, node) == 1;
  }

  /** Records that the claimed mail is not sent, what it told having stopped being true; only the claiming node can. */
  public boolean markDropped(String id, String node) {
    return jdbc.update("UPDATE hldprep_mail_outbox SET status = ?, lease_until = NULL WHERE id = ? AND lease_owner = ?",
        DROPPED, id, node) == 1;
  }

  /** Keeps the words a claimed mail goes out with, when they were composed anew before sending. */
  public boolean rewrite(String id, String node, String subject, String body) {
    return jdbc.update("UPDATE hldprep_mail_outbox SET subject = ?, body = ? WHERE id = ? AND lease_owner = ?",
        subject, body, id, node) == 1;
  }

  /** Records a failed attempt: the next one after {@code retryAt}, or none when {@code giveUp}. */
  public void markAttemptFailed(String id, String node, String error, Instant retryAt, boolean giveUp) {
    jdbc.update("UPDATE hldprep_mail_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
        + " status = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
        truncate(error, 2000), utc(retryAt), giveUp ? FAILED : PENDING, id, node);
  }

  /** A failed mail goes back to the queue with a fresh count of attempts. */
  public boolean retry(String id) {
    OffsetDateTime now = utc(Instant.now());
    return jdbc.update("UPDATE hldprep_mail_outbox SET status = ?, attempts = 0, next_attempt_at = ?"
        + " WHERE id = ? AND status = ?", PENDING, now, id, FAILED) == 1;
  }

  public Optional<Mail> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM hldprep_mail_outbox WHERE id = ?", Outbox::mail, id)
        .stream().findFirst();
  }

  /** Mails of one status, newest first; {@code withErrorsOnly} keeps those whose last attempt failed. */
  public List<Mail> list(String status, boolean withErrorsOnly, int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM hldprep_mail_outbox WHERE status = ?"
        + (withErrorsOnly ? " AND last_error IS NOT NULL" : "") + " ORDER BY created_at DESC"
        + " FETCH FIRST " + limit + " ROWS ONLY", Outbox::mail, status);
  }

  /** Mails about one task (tests and diagnosis). */
  public List<Mail> forTask(String taskId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM hldprep_mail_outbox WHERE task_id = ? ORDER BY created_at",
        Outbox::mail, taskId);
  }

  /** Mails of one cycle (tests and diagnosis). */
  public List<Mail> forCycle(String cycle) {
    return jdbc.query("SELECT " + COLUMNS + " FROM hldprep_mail_outbox WHERE cycle_name = ? ORDER BY created_at",
        Outbox::mail, cycle);
  }

  /** Mails to one user (tests and diagnosis). */
  public List<Mail> forRecipient(String userId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM hldprep_mail_outbox WHERE recipient_user = ?"
        + " ORDER BY created_at", Outbox::mail, userId);
  }

  private static Mail mail(ResultSet rs, int row) throws SQLException {
    return new Mail(rs.getString("id"), rs.getString("mail_key"), rs.getString("kind"), rs.getString("task_id"),
        rs.getString("cycle_name"), rs.getString("recipient_user"), rs.getString("recipient_address"),
        rs.getString("subject"), rs.getString("body"), rs.getString("status"), rs.getInt("attempts"),
        instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"),
        instant(rs, "sent_at"), rs.getString("lease_owner"), rs.getString("time_zone"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }
}
