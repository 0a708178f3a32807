package org.hldprep.notification;

import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

import org.hldprep.platform.api.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Each user's choice of mails, through two doors onto the same data:
 * <ul>
 *   <li>{@code /api/me/notifications}: HTTP Basic, like the rest of {@code /api};</li>
 *   <li>{@code /camunda/api/hldprep/notifications}: the Tasklist session, for the Notifications form
 *       that Tasklist's navigation bar opens (see {@code app/tasklist/scripts/hldprep-notifications.js}).
 *       Under {@code /camunda/} Camunda's own filters apply: its session authentication and its CSRF
 *       token (a PUT without the {@code X-XSRF-TOKEN} header is refused).</li>
 * </ul>
 * A PUT changes the fields it carries: {@code delivery} (both, immediate, digest, none),
 * {@code language} (en, fr, es), {@code timeZone} (an IANA id; an empty string returns to the cycle's).
 */
@RestController
public class NotificationPreferencesController {

  private final PreferenceStore store;
  private final IdentityService identityService;
  private final ProcessEngine engine;

  public NotificationPreferencesController(PreferenceStore store, IdentityService identityService,
      ProcessEngine engine) {
    this.store = store;
    this.identityService = identityService;
    this.engine = engine;
  }

  /** What a client sends: every field optional. */
  public record Change(String delivery, String language, String timeZone) {
  }

  /** What a client reads: the choice, and where the mails go (read-only, from the user's profile). */
  public record View(String delivery, String language, String timeZone, String email,
      List<String> deliveries, List<String> languages) {
  }

  @GetMapping("/api/me/notifications")
  public View get(Authentication authentication) {
    return view(authentication.getName());
  }

  @PutMapping("/api/me/notifications")
  public View put(Authentication authentication, @RequestBody Change change) {
    return change(authentication.getName(), change);
  }

  @GetMapping("/camunda/api/hldprep/notifications")
  public View getInTasklist() {
    return view(webappUser());
  }

  @PutMapping("/camunda/api/hldprep/notifications")
  public View putInTasklist(@RequestBody Change change) {
    return change(webappUser(), change);
  }

  private View change(String userId, Change change) {
    if (change == null) {
      throw new InvalidRequestException("Send a JSON object with delivery, language and/or timeZone");
    }
    NotificationPreferences current = store.get(userId);
    Delivery delivery = change.delivery() == null ? current.delivery() : Delivery.of(change.delivery());
    String language = change.language() == null ? current.language() : change.language();
    if (!MailTemplates.LANGUAGES.contains(language)) {
      throw new InvalidRequestException("Unknown language '" + language + "': expected one of en, fr, es");
    }
    String timeZone = change.timeZone() == null
        ? current.timeZone()
        : change.timeZone().isBlank() ? null : change.timeZone().trim();
    if (timeZone != null && !ZoneId.getAvailableZoneIds().contains(timeZone)) {
      throw new InvalidRequestException("Unknown time zone '" + timeZone
          + "': expected an IANA time zone such as Europe/Zurich or Asia/Manila");
    }
    store.save(userId, new NotificationPreferences(delivery, language, timeZone));
    return view(userId);
  }

  private View view(String userId) {
    NotificationPreferences preferences = store.get(userId);
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return new View(preferences.delivery().id(), preferences.language(), preferences.timeZone(),
        user == null ? null : user.getEmail(), java.util.Arrays.stream(Delivery.values()).map(Delivery::id).toList(),
        List.of("en", "fr", "es"));
  }

  /** The user logged in to the webapps (Camunda's session authentication filter put it here). */
  private String webappUser() {
    Authentications authentications = Authentications.getCurrent();
    org.camunda.bpm.webapp.impl.security.auth.Authentication user = authentications == null
        ? null
        : authentications.getAuthenticationForProcessEngine(engine.getName());
    if (user == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in to Tasklist first");
    }
    return user.getName();
  }
}
