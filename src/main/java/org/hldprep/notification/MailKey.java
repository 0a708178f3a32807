package org.hldprep.notification;

import java.time.LocalDate;

/**
 * What makes a mail unique: its kind, what it is about (a task, or the time zone of a digest run), its
 * recipient and its day. The outbox holds at most one mail per key.
 */
public record MailKey(String kind, String subject, String recipient, LocalDate day) {

  public static final String NOTICE = "notice";
  public static final String DIGEST = "digest";

  public static MailKey notice(String taskId, String userId, LocalDate day) {
    return new MailKey(NOTICE, taskId, userId, day);
  }

  public static MailKey digest(String timeZone, String userId, LocalDate day) {
    return new MailKey(DIGEST, timeZone, userId, day);
  }

  public String value() {
    return kind + "|" + subject + "|" + recipient + "|" + day;
  }
}
