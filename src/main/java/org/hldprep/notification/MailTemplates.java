package org.hldprep.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The mails' words and layout: Thymeleaf text templates {@code classpath:mail/<name>.txt} with the
 * sentences in Spring message bundles {@code classpath:mail/messages[_fr|_es].properties}, so that a
 * translation is a properties file and the layout is written once.
 */
@Component
public class MailTemplates {

  /** IOM's official languages; the first is the default. */
  public static final Set<String> LANGUAGES = Set.of("en", "fr", "es");
  public static final String DEFAULT_LANGUAGE = "en";

  private final MessageSource messages;
  private final TemplateEngine engine;

  public MailTemplates() {
    ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
    bundles.setBasename("mail/messages");
    bundles.setDefaultEncoding("UTF-8");
    bundles.setFallbackToSystemLocale(false);
    // Quotes are MessageFormat quotes in every message, with or without arguments.
    bundles.setAlwaysUseMessageFormat(true);
    this.messages = bundles;
    ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
    templates.setPrefix("mail/");
    templates.setSuffix(".txt");
    templates.setTemplateMode(TemplateMode.TEXT);
    templates.setCharacterEncoding("UTF-8");
    this.engine = new TemplateEngine();
    engine.setTemplateResolver(templates);
    engine.setMessageResolver(new BundleMessages(messages));
  }

  /** A subject and a plain-text body. */
  public record Rendered(String subject, String body) {
  }

  /** Renders {@code mail/<template>.txt}; its subject is the message {@code <template>.subject}. */
  public Rendered render(String template, Locale locale, Object[] subjectArguments, Map<String, Object> model) {
    String subject = messages.getMessage(template + ".subject", subjectArguments, locale);
    return new Rendered(subject, engine.process(template, new Context(locale, model)));
  }

  /** One sentence of the bundles, e.g. a status line composed in code. */
  public String message(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  /** A moment as staff read it: "Friday, 15 February 2030, 07:00 (Asia/Manila)", in their language. */
  public String dateTime(Instant instant, ZoneId zone, Locale locale) {
    var local = instant.atZone(zone);
    return message("format.dateTime", locale,
        DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(local),
        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(local), zone.getId());
  }

  public static Locale locale(String language) {
    String chosen = language == null || !LANGUAGES.contains(language) ? DEFAULT_LANGUAGE : language;
    // English as IOM writes it (day before month, 24-hour clock)
    return "en".equals(chosen) ? Locale.UK : Locale.forLanguageTag(chosen);
  }

  /** Thymeleaf's #{...} answered from the Spring bundles. */
  private record BundleMessages(MessageSource messages) implements IMessageResolver {
    @Override
    public String getName() {
      return "hldprep-mail-messages";
    }

    @Override
    public Integer getOrder() {
      return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
      return messages.getMessage(key, parameters, null, context.getLocale());
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
        Object[] parameters) {
      throw new IllegalStateException("No mail message '" + key + "' for " + context.getLocale());
    }
  }
}
