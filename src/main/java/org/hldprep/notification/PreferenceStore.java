package org.hldprep.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users' mail preferences, kept in a table of HLD Prep (not in Camunda's user info): the digest
 * reads them in bulk, and they stay when users come from another identity provider.
 */
@Repository
public class PreferenceStore {

  private final JdbcTemplate jdbc;

  public PreferenceStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The user's choice, or the default (both, English, the cycle's time zone). */
  public NotificationPreferences get(String userId) {
    List<NotificationPreferences> found = jdbc.query(
        "SELECT delivery, language, time_zone FROM hldprep_mail_preference WHERE user_id = ?",
        (rs, i) -> new NotificationPreferences(Delivery.of(rs.getString(1)), rs.getString(2), rs.getString(3)),
        userId);
    return found.isEmpty() ? NotificationPreferences.DEFAULT : found.get(0);
  }

  @Transactional
  public void save(String userId, NotificationPreferences preferences) {
    OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
    int updated = jdbc.update("UPDATE hldprep_mail_preference SET delivery = ?, language = ?, time_zone = ?,"
        + " updated_at = ? WHERE user_id = ?", preferences.delivery().id(), preferences.language(),
        preferences.timeZone(), now, userId);
    if (updated == 0) {
      jdbc.update("INSERT INTO hldprep_mail_preference (user_id, delivery, language, time_zone, updated_at)"
          + " VALUES (?, ?, ?, ?, ?)", userId, preferences.delivery().id(), preferences.language(),
          preferences.timeZone(), now);
    }
  }
}
