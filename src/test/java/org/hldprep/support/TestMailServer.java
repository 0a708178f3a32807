package org.hldprep.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server in the test JVM (GreenMail), on one port for the whole run, that a test can stop
 * and start again (the application keeps its settings and finds it back on the same port).
 */
public final class TestMailServer {

  private static final int PORT = freePort();
  private static GreenMail server;
  private static boolean startedOnce;

  private TestMailServer() {
  }

  /** The port; the first call starts the server (a server stopped by a test stays stopped). */
  public static synchronized int port() {
    if (!startedOnce) {
      start();
    }
    return PORT;
  }

  public static synchronized void start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
      startedOnce = true;
    }
  }

  /** The server goes away: connections are refused until {@link #start()}. */
  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** Every message received since the server was last started. */
  public static synchronized List<Message> received() {
    if (server == null) {
      return List.of();
    }
    return Arrays.stream(server.getReceivedMessages()).map(Message::of).toList();
  }

  /** One delivered copy: the envelope recipient is the one address GreenMail delivered it to. */
  public record Message(String key, String to, String subject, String body) {
    static Message of(MimeMessage message) {
      try {
        return new Message(message.getHeader("X-HLDPrep-Mail-Key", null),
            message.getAllRecipients()[0].toString(), message.getSubject(), message.getContent().toString());
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
