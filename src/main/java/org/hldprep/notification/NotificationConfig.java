package org.hldprep.notification;

import org.hldprep.platform.settings.HldPrepProperties;
import org.hldprep.platform.settings.MailSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox worker and the digest run on Spring's scheduler; settings under hldprep.mail. */
@Configuration
@EnableScheduling
public class NotificationConfig {

  /** The mail branch of the settings, for the classes of this package (and the schedules' SpEL). */
  @Bean
  MailSettings mailSettings(HldPrepProperties properties) {
    return properties.mail();
  }
}
