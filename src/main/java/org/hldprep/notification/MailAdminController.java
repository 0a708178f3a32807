package org.hldprep.notification;

import java.util.List;
import java.util.Locale;
import org.hldprep.platform.api.ForbiddenException;
import org.hldprep.platform.api.InvalidRequestException;
import org.hldprep.platform.api.NotFoundException;
import org.hldprep.routing.GroupIds;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox as administrators see it ({@code camunda-admin} only): mails that failed for good, with the
 * SMTP error, mails still being retried, and a retry for a failed mail once its cause is fixed.
 */
@RestController
public class MailAdminController {

  private final Outbox outbox;

  public MailAdminController(Outbox outbox) {
    this.outbox = outbox;
  }

  /** A mail without its body (which may name tasks of any office). */
  public record MailSummary(String id, String key, String kind, String recipientUser, String recipientAddress,
      String subject, String status, int attempts, String lastError, java.time.Instant nextAttemptAt,
      java.time.Instant createdAt, java.time.Instant sentAt, String sentBy) {
    static MailSummary of(Outbox.Mail m) {
      return new MailSummary(m.id(), m.key(), m.kind(), m.recipientUser(), m.recipientAddress(), m.subject(),
          m.status(), m.attempts(), m.lastError(), m.nextAttemptAt(), m.createdAt(), m.sentAt(),
          Outbox.SENT.equals(m.status()) ? m.node() : null);
    }
  }

  /**
   * {@code status}: {@code failed} (given up; the default), {@code retrying} (pending after a failed
   * attempt), {@code pending}, {@code sent} or {@code dropped} (not sent: its task had ended).
   */
  @GetMapping("/api/admin/mail")
  public List<MailSummary> list(Authentication authentication,
      @RequestParam(defaultValue = "failed") String status, @RequestParam(defaultValue = "100") int maxResults) {
    requireAdmin(authentication);
    if (maxResults < 1 || maxResults > 1000) {
      throw new InvalidRequestException("maxResults must be between 1 and 1000");
    }
    List<Outbox.Mail> mails = switch (status.toLowerCase(Locale.ROOT)) {
      case "failed" -> outbox.list(Outbox.FAILED, false, maxResults);
      case "retrying" -> outbox.list(Outbox.PENDING, true, maxResults);
      case "pending" -> outbox.list(Outbox.PENDING, false, maxResults);
      case "sent" -> outbox.list(Outbox.SENT, false, maxResults);
      case "dropped" -> outbox.list(Outbox.DROPPED, false, maxResults);
      default -> throw new InvalidRequestException("Unknown status '" + status
          + "': expected failed, retrying, pending, sent or dropped");
    };
    return mails.stream().map(MailSummary::of).toList();
  }

  @PostMapping("/api/admin/mail/{id}/retry")
  public MailSummary retry(Authentication authentication, @PathVariable String id) {
    requireAdmin(authentication);
    Outbox.Mail mail = outbox.find(id).orElseThrow(() -> new NotFoundException("No mail " + id));
    if (!outbox.retry(id)) {
      throw new InvalidRequestException("Mail " + id + " is " + mail.status() + ": only a FAILED mail is retried");
    }
    return MailSummary.of(outbox.find(id).orElseThrow());
  }

  private static void requireAdmin(Authentication authentication) {
    if (authentication.getAuthorities().stream().noneMatch(a -> GroupIds.ADMIN.equals(a.getAuthority()))) {
      throw new ForbiddenException("Only administrators (camunda-admin) read the mail outbox");
    }
  }
}
