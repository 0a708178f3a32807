package org.hldprep.notification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hldprep.platform.api.InvalidRequestException;

/** Which mails a user wants. */
public enum Delivery {
  /** Immediate notices and the daily digest (the default). */
  BOTH(true, true),
  /** Immediate notices only. */
  IMMEDIATE(true, false),
  /** The daily digest only. */
  DIGEST(false, true),
  /** No mail at all. */
  NONE(false, false);

  private final boolean notices;
  private final boolean digest;

  Delivery(boolean notices, boolean digest) {
    this.notices = notices;
    this.digest = digest;
  }

  public boolean notices() {
    return notices;
  }

  public boolean digest() {
    return digest;
  }

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Delivery of(String id) {
    return Arrays.stream(values()).filter(d -> d.id().equals(id)).findFirst()
        .orElseThrow(() -> new InvalidRequestException("Unknown delivery '" + id + "': expected one of "
            + Arrays.stream(values()).map(Delivery::id).collect(Collectors.joining(", "))));
  }
}
