package org.hldprep.notification;

import java.time.ZoneId;

/**
 * One user's choice of mails.
 *
 * @param delivery immediate notices and/or the daily digest, or nothing
 * @param language en, fr or es
 * @param timeZone IANA id in which the user reads dates; null: the cycle's time zone
 */
public record NotificationPreferences(Delivery delivery, String language, String timeZone) {

  public static final NotificationPreferences DEFAULT = new NotificationPreferences(Delivery.BOTH,
      MailTemplates.DEFAULT_LANGUAGE, null);

  /** The zone to show dates in: the user's own, else the given one (the cycle's). */
  public ZoneId zoneOr(ZoneId cycleZone) {
    return timeZone == null ? cycleZone : ZoneId.of(timeZone);
  }
}
