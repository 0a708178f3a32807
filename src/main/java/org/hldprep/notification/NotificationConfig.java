package org.hldprep.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox worker and the digest run on Spring's scheduler; settings under hldprep.mail. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(MailSettings.class)
public class NotificationConfig {}
