package org.hldprep.cycle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cycles of HLD preparation over REST: start one, read its tallies, and send the events that come
 * from outside IOM's Tasklist (an objection under silence, an RCP's input, a circulated draft of the
 * outcome document, a changed calendar). Who may send which event is decided in {@link CycleService}.
 */
@RestController
@RequestMapping("/api/cycles")
public class CycleController {

  private final CycleService cycles;

  public CycleController(CycleService cycles) {
    this.cycles = cycles;
  }

  /**
   * Starts a cycle. Body (every field optional): {@code cycle} (business key, default HLD + year of the
   * HLD), {@code memberStates} and {@code rcps} (lists of codes; default all), {@code calendar} (calendar
   * key to ISO date, e.g. {@code hldDate}; the other dates follow the HLD), {@code timeZone} (IANA id,
   * default Europe/Zurich, the zone of Geneva), {@code replay} (true to replay a past year: dates already past are accepted).
   */
  @PostMapping
  public ResponseEntity<Map<String, Object>> start(@Valid @RequestBody(required = false) StartCycleRequest request) {
    StartCycleRequest body = request == null ? new StartCycleRequest(null, null, null, null, null, null) : request;
    return ResponseEntity.status(HttpStatus.CREATED).body(cycles.start(body.cycle(), body.memberStates(),
        body.rcps(), body.calendar(), body.timeZone(), body.replay()));
  }

  @GetMapping("/{cycle}")
  public Map<String, Object> get(@PathVariable String cycle) {
    return cycles.status(cycle);
  }

  /** Adds a Member State ({@code {"memberState":"SUR"}}) or an RCP ({@code {"rcp":"almaty-process"}}); idempotent. */
  @PostMapping("/{cycle}/participants")
  public Map<String, Object> add(@PathVariable String cycle, @RequestBody(required = false) ParticipantRequest body) {
    ParticipantRequest given = body == null ? new ParticipantRequest(null, null) : body;
    return cycles.addParticipant(cycle, given.memberState(), given.rcp());
  }

  /** Withdraws a Member State or an RCP: its running track ends withdrawn; idempotent. */
  @DeleteMapping("/{cycle}/participants/{code}")
  public Map<String, Object> withdraw(@PathVariable String cycle, @PathVariable String code) {
    return cycles.withdraw(cycle, code);
  }

  /** Reopens a national consultation that ended no-response, the government having answered late; idempotent. */
  @PostMapping("/{cycle}/participants/{country}/reopen")
  public Map<String, Object> reopen(@PathVariable String cycle, @PathVariable String country) {
    return cycles.reopen(cycle, country);
  }

  /** Sends one of the cycle's external events; see {@link CycleService#send}. */
  @PostMapping("/{cycle}/messages/{message}")
  public Map<String, Object> send(@PathVariable String cycle, @PathVariable String message,
      @RequestBody(required = false) Map<String, Object> body, Authentication caller) {
    List<String> groups = caller.getAuthorities().stream().map(a -> a.getAuthority()).toList();
    return cycles.send(cycle, message, body == null ? new LinkedHashMap<>() : body, caller.getName(), groups);
  }

  /** A record, not a map, so that an unknown field is refused (400 naming it) rather than ignored. */
  public record ParticipantRequest(String memberState, String rcp) {
  }

  /** A list may be empty (meaning all), but a code in it may not be blank: "[\"\"]" is a mistake, not "all". */
  public record StartCycleRequest(String cycle, List<@NotBlank String> memberStates, List<@NotBlank String> rcps,
      Map<String, @NotBlank String> calendar, String timeZone, Boolean replay) {
  }
}
