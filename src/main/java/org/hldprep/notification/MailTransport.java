package org.hldprep.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hldprep.platform.settings.MailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands one mail of the outbox to the mail system: Spring Boot's SMTP sender when {@code spring.mail.host}
 * is set; otherwise, where {@code hldprep.mail.folder} is set (the demo), .eml files in that folder;
 * otherwise nothing can be sent, the start-up log says so and every mail waits in the outbox.
 */
@Component
public class MailTransport {

  /** Carries the outbox key in every message (and names the demo's files). */
  public static final String KEY_HEADER = "X-HLDPrep-Mail-Key";
  private static final Logger LOG = LoggerFactory.getLogger(MailTransport.class);

  private final JavaMailSender sender;
  private final String description;
  private final MailSettings settings;

  public MailTransport(ObjectProvider<JavaMailSender> smtp, MailSettings settings, Environment environment) {
    this.settings = settings;
    JavaMailSender configured = smtp.getIfAvailable();
    if (configured != null) {
      this.sender = configured;
      this.description = "SMTP " + environment.getProperty("spring.mail.host") + ":"
          + environment.getProperty("spring.mail.port", "25");
    } else if (settings.folder() != null && !settings.folder().isBlank()) {
      Path folder = Path.of(settings.folder()).toAbsolutePath().normalize();
      this.sender = new EmlFileMailSender(folder);
      this.description = ".eml files in " + folder;
    } else {
      this.sender = null;
      this.description = null;
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  public void announce() {
    if (sender == null) {
      LOG.warn("No mail server: set spring.mail.host (SPRING_MAIL_HOST, with SPRING_MAIL_PORT, SPRING_MAIL_USERNAME,"
          + " SPRING_MAIL_PASSWORD). Until then every notice and digest waits in the outbox, and mails that"
          + " keep failing are listed at /api/admin/mail.");
    } else {
      LOG.info("E-mail notifications go out through {}; links point to {}", description, settings.publicBaseUrl());
    }
  }

  /** False while no SMTP server (and no demo folder) is set: then nothing can be sent, so nothing is tried. */
  public boolean configured() {
    return sender != null;
  }

  /** Sends one mail; a MailException says why it could not. */
  public void send(Outbox.Mail mail) throws MailException {
    if (sender == null) {
      throw new MailSendException("No SMTP server configured: set spring.mail.host (SPRING_MAIL_HOST)");
    }
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(settings.from());
      helper.setTo(mail.recipientAddress());
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      // The same mail always has the same Message-ID: should the one unavoidable window (the SMTP
      // server accepted it, the node died before recording it) ever resend it, clients can tell.
      message.setHeader("Message-ID", "<" + digest(mail.key()) + "@hldprep>");
      message.setHeader(KEY_HEADER, mail.key());
      message.setHeader("Auto-Submitted", "auto-generated");
    } catch (MessagingException e) {
      throw new MailPreparationException("Cannot compose the mail " + mail.key() + ": " + e.getMessage(), e);
    }
    sender.send(message);
  }

  private static String digest(String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
