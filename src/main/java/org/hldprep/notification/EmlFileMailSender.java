package org.hldprep.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A JavaMailSender for the demo: instead of talking SMTP it writes each message as an RFC 822 {@code .eml}
 * file (any mail program opens it) into a folder, named after the mail's key, so that sending the same
 * mail again replaces its file.
 */
public class EmlFileMailSender extends JavaMailSenderImpl {

  private final Path folder;

  public EmlFileMailSender(Path folder) {
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  @Override
  protected void doSend(MimeMessage[] messages, Object[] originals) {
    for (MimeMessage message : messages) {
      try {
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
          message.setHeader("Message-ID", messageId);
        }
        Files.createDirectories(folder);
        String key = message.getHeader(MailTransport.KEY_HEADER, null);
        Path file = folder.resolve(fileName(key == null ? messageId : key));
        Path partial = Files.createTempFile(folder, ".sending-", ".tmp");
        try (OutputStream out = Files.newOutputStream(partial)) {
          message.writeTo(out);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (MessagingException | IOException e) {
        throw new MailSendException("Cannot write the mail to " + folder + ": " + e.getMessage(), e);
      }
    }
  }

  /** "notice|4f1c...|phl-officer|2030-01-15" → "2030-01-15_notice_phl-officer_4f1c....eml". */
  static String fileName(String key) {
    String[] parts = key.split("\\|");
    String name = parts.length == 4 ? parts[3] + "_" + parts[0] + "_" + parts[2] + "_" + parts[1] : key;
    return name.replaceAll("[^A-Za-z0-9._-]", "-") + ".eml";
  }
}
