package org.hldprep.platform.input;

import java.util.regex.Pattern;

/**
 * Client-supplied text (a user name, a path) made safe for one log line: control characters (CR, LF,
 * NEL, ...) and Unicode line separators become {@code ?}, so that no client can forge a log line, and
 * the text is cut short so that none can flood the log.
 */
public final class LogText {

  private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]");
  static final int MAX_LENGTH = 200;

  private LogText() {
  }

  public static String printable(String text) {
    if (text == null) {
      return "";
    }
    String cleaned = UNPRINTABLE.matcher(text).replaceAll("?");
    return cleaned.length() > MAX_LENGTH ? cleaned.substring(0, MAX_LENGTH) + "..." : cleaned;
  }
}
