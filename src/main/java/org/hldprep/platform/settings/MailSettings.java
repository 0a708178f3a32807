package org.hldprep.platform.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.ZoneId;
import org.hldprep.calendar.CycleCalendar;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the e-mail notifications ({@code hldprep.mail.*}, a branch of {@link
 * org.hldprep.platform.settings.HldPrepProperties}); the SMTP server itself is Spring Boot's standard {@code spring.mail.*}.
 *
 * @param publicBaseUrl where staff reach the application (links in mails), e.g. https://hldprep.iom.int
 * @param from the sender address
 * @param folder without an SMTP host, mails are written here as .eml files (the demo's ./data/mail);
 *     with neither, mails wait in the outbox and the start-up log says so
 * @param defaultTimeZone a cycle's time zone when it has no variable {@code timeZone}: the one fallback zone
 *     of the mails, the digest, the progress board and the cycles the API starts
 * @param escalationAfterDays days overdue after which the covering office is in copy, unless the cycle
 *     sets {@code escalationAfterDays}
 * @param digest when the daily digest is composed
 * @param worker how the outbox is sent
 */
public record MailSettings(
    @NotBlank @DefaultValue("http://localhost:8080") String publicBaseUrl,
    @NotBlank @DefaultValue("hld-prep@localhost") String from,
    String folder,
    @NotNull @DefaultValue(CycleCalendar.DEFAULT_TIME_ZONE) ZoneId defaultTimeZone,
    @Positive @DefaultValue("7") int escalationAfterDays,
    @Valid @DefaultValue Digest digest,
    @Valid @DefaultValue Worker worker) {

  /**
   * @param enabled whether this node composes digests (harmless on every node: see DailyDigest)
   * @param hour local hour, in each cycle's time zone, from which the day's digest is composed
   * @param pollMillis how often the scheduler looks whether a digest is due
   */
  public record Digest(@DefaultValue("true") boolean enabled, @Min(0) @Max(23) @DefaultValue("7") int hour,
      @Positive @DefaultValue("60000") long pollMillis) {
  }

  /**
   * @param enabled whether this node sends the outbox
   * @param pollMillis pause between two passes over the outbox
   * @param batchSize mails claimed per pass
   * @param lease how long a claimed mail belongs to this node; far longer than the SMTP time-outs
   * @param maxAttempts attempts before a mail is marked failed for the administrators
   * @param initialBackoff wait after the first failure, doubled after each further one
   * @param maxBackoff longest wait between two attempts
   */
  public record Worker(@DefaultValue("true") boolean enabled, @Positive @DefaultValue("2000") long pollMillis,
      @Positive @DefaultValue("20") int batchSize, @NotNull @DefaultValue("5m") Duration lease,
      @Positive @DefaultValue("12") int maxAttempts, @NotNull @DefaultValue("30s") Duration initialBackoff,
      @NotNull @DefaultValue("1h") Duration maxBackoff) {
  }

  /** Tasklist's link to one task. */
  public String taskLink(String taskId) {
    return tasklistLink() + "default/#/?task=" + taskId;
  }

  /** Tasklist's start page (where staff find the Notifications form). */
  public String tasklistLink() {
    String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    return base + "/camunda/app/tasklist/";
  }
}
