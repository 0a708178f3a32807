package org.hldprep.platform.input;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

/**
 * The one reader of what clients type or send: dates, durations, whole numbers, flags, lists of codes
 * and time zones, from REST bodies, Tasklist forms and start variables alike. Every method names the
 * field in its {@link InvalidInputException}, so that one message shape reaches the client whichever
 * door the value came in by. No engine or Spring types: start listeners, the REST layer and the form
 * guard can all use it.
 */
public final class InputParser {

  /** What may follow the date of an ISO date-time: a time and an optional offset (Z, +02:00, +0200). */
  private static final Pattern TIME_PART = Pattern
      .compile("T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?");
  /** IANA time zone ids only (Europe/Zurich, America/New_York); no bare offsets such as +02:00. */
  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  private InputParser() {
  }

  /** Whether a value counts as not given: null or blank text. */
  public static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }

  /**
   * A calendar date. Accepts {@code yyyy-MM-dd} (Camunda Forms date fields, REST bodies) and an ISO
   * date-time whose date part is taken as written ({@code 2013-02-15T00:00:00Z}, as some REST clients
   * send); a {@link Date} is read in the given zone.
   */
  public static LocalDate date(String field, Object value, ZoneId zone) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(zone).toLocalDate();
    }
    String text = required(field, value);
    try {
      if (text.length() > 10 && !TIME_PART.matcher(text.substring(10)).matches()) {
        throw new DateTimeParseException("time part", text, 10);
      }
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field + " must be a date (yyyy-MM-dd), got '" + text + "'");
    }
  }

  /** A date in the default zone of the application's cycles (for values that carry no zone of their own). */
  public static LocalDate date(String field, Object value) {
    return date(field, value, ZoneId.of(GENEVA_ZONE));
  }

  /** A comma-separated list of dates, e.g. {@code 2012-10-12,2013-01-24}; at least one. */
  public static List<LocalDate> dates(String field, Object value) {
    List<LocalDate> dates = codes(value).stream().map(d -> date(field, d)).toList();
    if (dates.isEmpty()) {
      throw new InvalidInputException(field + " must list at least one date (yyyy-MM-dd, comma-separated)");
    }
    return dates;
  }

  /** A positive ISO 8601 duration (PT72H, P5D), in upper case as the engine's timers read it. */
  public static String positiveDuration(String field, Object value) {
    String text = blank(value) ? "" : value.toString().trim().toUpperCase(Locale.ROOT);
    Duration duration;
    try {
      duration = DatatypeFactory.newInstance().newDuration(text);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw invalidDuration(field, value);
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
    if (duration.getSign() <= 0) {
      throw invalidDuration(field, value);
    }
    return text;
  }

  /** A whole number of at least {@code minimum} (numbers or their text, as forms and REST send them). */
  public static int wholeNumber(String field, Object value, int minimum) {
    try {
      int number = value instanceof Number n
          ? Math.toIntExact(n.longValue())
          : Integer.parseInt(required(field, value));
      if (value instanceof Number n && n.doubleValue() != n.longValue()) {
        throw new NumberFormatException();
      }
      if (number >= minimum) {
        return number;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // answered below
    }
    throw new InvalidInputException(field + " must be a whole number of at least " + minimum + ", got '" + value + "'");
  }

  /** true or false (a Boolean, or its text in any case). */
  public static boolean flag(String field, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    String text = blank(value) ? "" : value.toString().trim();
    if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
      return Boolean.parseBoolean(text);
    }
    throw new InvalidInputException(field + " must be true or false, got '" + value + "'");
  }

  /**
   * Geneva has no IANA id of its own: it lies in the zone Europe/Zurich. "Europe/Geneva", which people
   * naturally write for IOM's headquarters, is read as that zone.
   */
  public static final String GENEVA_ALIAS = "Europe/Geneva";
  public static final String GENEVA_ZONE = "Europe/Zurich";

  /** An IANA time zone id such as Europe/Zurich (Geneva) or America/New_York. */
  public static ZoneId timeZone(String field, Object value) {
    String text = required(field, value);
    if (GENEVA_ALIAS.equalsIgnoreCase(text)) {
      return ZoneId.of(GENEVA_ZONE);
    }
    if (!ZONES.contains(text)) {
      throw new InvalidInputException(field + " must be an IANA time zone id such as Europe/Zurich (Geneva) or"
          + " America/New_York, got '" + text + "'");
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new InvalidInputException(field + " is not a known time zone: '" + text + "'");
    }
  }

  /**
   * Codes from a list, a JSON array text or comma/semicolon/space separated text, trimmed, without
   * quotes and duplicates, in the order given; blank means none.
   */
  public static List<String> codes(Object value) {
    if (value == null) {
      return List.of();
    }
    LinkedHashSet<String> codes = new LinkedHashSet<>();
    if (value instanceof Collection<?> collection) {
      collection.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).forEach(codes::add);
      return List.copyOf(codes);
    }
    String text = value.toString().trim();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    for (String part : text.split("[,;\\s]+")) {
      String code = part.replace("\"", "").trim();
      if (!code.isEmpty()) {
        codes.add(code);
      }
    }
    return List.copyOf(codes);
  }

  /** A required text, trimmed. */
  public static String required(String field, Object value) {
    if (blank(value)) {
      throw new InvalidInputException(field + " is required");
    }
    return value.toString().trim();
  }

  private static InvalidInputException invalidDuration(String field, Object value) {
    return new InvalidInputException(field + " must be a positive ISO 8601 duration such as PT72H or P5D, got '"
        + value + "'");
  }
}
