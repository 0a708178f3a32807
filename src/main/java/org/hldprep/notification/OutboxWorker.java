package org.hldprep.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hldprep.platform.settings.MailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox after commit, on every node: each mail is claimed with a lease by a conditional
 * update (one node wins), checked to be still true ({@link Recheck}: a mail about a task that has ended is
 * dropped, not sent), sent, and recorded as sent by the claiming node only. A failed attempt waits
 * {@code initialBackoff}, doubled after each further failure up to {@code maxBackoff}; after
 * {@code maxAttempts} the mail is marked FAILED with the SMTP error, listed at {@code GET /api/admin/mail}.
 */
@Component
public class OutboxWorker {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

  private final Outbox outbox;
  private final MailTransport transport;
  private final Recheck recheck;
  private final MailSettings.Worker settings;
  private final String node;

  /** Whether a claimed mail still tells the truth: the mail to send (its words perhaps composed anew), or none. */
  @FunctionalInterface
  public interface Recheck {
    Optional<Outbox.Mail> recheck(Outbox.Mail mail);
  }

  @Autowired
  public OutboxWorker(Outbox outbox, MailTransport transport, Recheck recheck, MailSettings settings) {
    this(outbox, transport, recheck, settings.worker(),
        hostName() + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  /** A worker of its own name, e.g. a second node in a test. */
  public OutboxWorker(Outbox outbox, MailTransport transport, Recheck recheck, MailSettings.Worker settings,
      String node) {
    this.outbox = outbox;
    this.transport = transport;
    this.recheck = recheck;
    this.settings = settings;
    this.node = node;
  }

  @Scheduled(fixedDelayString = "#{@mailSettings.worker().pollMillis()}", initialDelay = 5000)
  public void scheduled() {
    // Without a mail server the mails wait untouched (the start-up log says so): a pass would only spend
    // their attempts until each is given up as FAILED, and log a warning every two seconds.
    if (settings.enabled() && transport.configured()) {
      try {
        sendDue();
      } catch (RuntimeException e) {
        // e.g. the database is away: the mails stay in the outbox for the next pass
        LOG.warn("Outbox pass failed, next pass in {} ms: {}", settings.pollMillis(), e.toString());
      }
    }
  }

  /** One pass: sends what is due; stops at the first failure (the server is probably away). */
  public int sendDue() {
    return send(outbox.due(Instant.now(), settings.batchSize()));
  }

  /**
   * Sends these mails, each if it is due, this node wins its claim and it is still true (else it is
   * dropped); stops at the first failure.
   */
  public int send(java.util.List<String> ids) {
    int sent = 0;
    for (String id : ids) {
      Optional<Outbox.Mail> claimed = outbox.claim(id, node, Instant.now(), settings.lease());
      if (claimed.isEmpty()) {
        continue; // another node has it
      }
      Outbox.Mail mail = claimed.get();
      try {
        Optional<Outbox.Mail> current = recheck.recheck(mail);
        if (current.isEmpty()) {
          outbox.markDropped(mail.id(), node);
          LOG.info("Mail {} dropped: what it told is no longer true", mail.key());
          continue;
        }
        if (!current.get().body().equals(mail.body()) || !current.get().subject().equals(mail.subject())) {
          outbox.rewrite(mail.id(), node, current.get().subject(), current.get().body());
        }
        transport.send(current.get());
      } catch (RuntimeException e) {
        failed(mail, e);
        break;
      }
      outbox.markSent(mail.id(), node);
      sent++;
    }
    return sent;
  }

  private void failed(Outbox.Mail mail, RuntimeException e) {
    int attempts = mail.attempts() + 1;
    boolean giveUp = attempts >= settings.maxAttempts();
    Instant retryAt = Instant.now().plus(backoff(attempts));
    String error = e.getMessage() == null ? e.toString() : e.getMessage();
    outbox.markAttemptFailed(mail.id(), node, error, retryAt, giveUp);
    if (giveUp) {
      LOG.error("Mail {} to {} failed {} times and is given up (see /api/admin/mail): {}", mail.key(),
          mail.recipientAddress(), attempts, error);
    } else {
      LOG.warn("Mail {} to {} failed (attempt {} of {}), next attempt at {}: {}", mail.key(),
          mail.recipientAddress(), attempts, settings.maxAttempts(), retryAt, error);
    }
  }

  /** initialBackoff × 2^(attempts − 1), at most maxBackoff. */
  Duration backoff(int attempts) {
    Duration wait = settings.initialBackoff();
    for (int i = 1; i < attempts && wait.compareTo(settings.maxBackoff()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
  }

  public String node() {
    return node;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node";
    }
  }
}
