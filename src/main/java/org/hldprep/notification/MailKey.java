package org.hldprep.notification;

import java.time.LocalDate;

/**
 * What makes a mail unique: its kind, what it is about (a task; a task and its new due date; the cycle whose
 * start it summarises; the time zone of a digest run), its recipient and its day. The outbox holds at most
 * one mail per key.
 */
public record MailKey(String kind, String subject, String recipient, LocalDate day) {

  public static final String NOTICE = "notice";
  public static final String DIGEST = "digest";
  public static final String MOVED = "moved";
  public static final String SUMMARY = "summary";

  public static MailKey notice(String taskId, String userId, LocalDate day) {
    return new MailKey(NOTICE, taskId, userId, day);
  }

  /** A moved due date: one mail per task, new date and recipient (the date moving again is another mail). */
  public static MailKey moved(String taskId, java.time.Instant newDue, String userId, LocalDate day) {
    return new MailKey(MOVED, taskId + "@" + newDue, userId, day);
  }

  /** A cycle's start: one mail per person, named by the cycle's master process instance. */
  public static MailKey summary(String masterInstanceId, String userId, LocalDate day) {
    return new MailKey(SUMMARY, masterInstanceId, userId, day);
  }

  public static MailKey digest(String timeZone, String userId, LocalDate day) {
    return new MailKey(DIGEST, timeZone, userId, day);
  }

  public String value() {
    return kind + "|" + subject + "|" + recipient + "|" + day;
  }
}
