package org.hldprep.board;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

/** The engine's instants as a cycle's people read them: in the cycle's time zone. */
final class Zoned {

  private Zoned() {
  }

  static OffsetDateTime time(Date date, ZoneId zone) {
    return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
  }

  static LocalDate day(Date date, ZoneId zone) {
    return date == null ? null : LocalDate.ofInstant(date.toInstant(), zone);
  }
}
