package org.hldprep.cycle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.hldprep.cycle.CycleAnswers.CycleState;
import org.hldprep.cycle.CycleAnswers.ParticipantChange;
import org.hldprep.cycle.CycleAnswers.StartedCycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Cycles of HLD preparation over REST: start one, read its tallies, add, withdraw or reopen a
 * participant. The events that come from outside IOM's Tasklist are {@link CycleEventController}'s.
 */
@RestController
@RequestMapping("/api/cycles")
@Tag(name = "Cycles", description = "Start and drive cycles of HLD preparation (HLD coordination, iom-icp)")
public class CycleController {

  private final CycleStarts starts;
  private final CycleStates states;
  private final CycleParticipants participants;

  public CycleController(CycleStarts starts, CycleStates states, CycleParticipants participants) {
    this.starts = starts;
    this.states = states;
    this.participants = participants;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Starts a cycle", description = "Every field is optional: cycle (the business key, default HLD"
      + " and the year of the HLD), memberStates and rcps (codes; default all), calendar (calendar key to ISO date,"
      + " e.g. hldDate; the other dates follow the HLD), timeZone (IANA id, default Europe/Zurich, the zone of"
      + " Geneva), replay (true to replay a past year: dates already past are accepted).", responses = @ApiResponse(responseCode = "201", description = "The cycle started, with its whole calendar", headers = @Header(name = "Location", description = "The cycle's address: /api/cycles/{cycle}")))
  public ResponseEntity<StartedCycle> start(@Valid @RequestBody(required = false) StartCycleRequest request) {
    StartCycleRequest body = request == null ? new StartCycleRequest(null, null, null, null, null, null) : request;
    StartedCycle started = starts.start(body.cycle(), body.memberStates(), body.rcps(), body.calendar(),
        body.timeZone(), body.replay());
    URI location = UriComponentsBuilder.fromPath("/api/cycles/{cycle}").buildAndExpand(started.cycle()).toUri();
    return ResponseEntity.created(location).body(started);
  }

  @GetMapping("/{cycle}")
  @Operation(summary = "A cycle's state and tallies", description = "Its latest instance, as far as the caller may see"
      + " it; openChildrenByProcess says what runs now, per process.")
  public CycleState get(@PathVariable String cycle) {
    return states.state(cycle);
  }

  @PostMapping("/{cycle}/participants")
  @Operation(summary = "Adds a Member State or an RCP to the running cycle; idempotent", description = "Its track starts"
      + " on the cycle's calendar and is tallied; 409 once the track's first deadline has passed.")
  public ParticipantChange add(@PathVariable String cycle, @RequestBody(required = false) ParticipantRequest body) {
    ParticipantRequest given = body == null ? new ParticipantRequest(null, null) : body;
    return participants.add(cycle, given.memberState(), given.rcp());
  }

  @DeleteMapping("/{cycle}/participants/{code}")
  @Operation(summary = "Withdraws a Member State or an RCP: its running track ends withdrawn; idempotent")
  public ParticipantChange withdraw(@PathVariable String cycle, @PathVariable String code) {
    return participants.withdraw(cycle, code);
  }

  @PostMapping("/{cycle}/participants/{country}/reopen")
  @Operation(summary = "Reopens a national consultation that ended no-response; idempotent", description = "The"
      + " government answered late: a new consultation starts with the arrangements, while the consultations'"
      + " cut-off is ahead.")
  public ParticipantChange reopen(@PathVariable String cycle, @PathVariable String country) {
    return participants.reopen(cycle, country);
  }

  /** A record, not a map, so that an unknown field is refused (400 naming it) rather than ignored. */
  public record ParticipantRequest(String memberState, String rcp) {
  }

  /** A list may be empty (meaning all), but a code in it may not be blank: "[\"\"]" is a mistake, not "all". */
  public record StartCycleRequest(String cycle, List<@NotBlank String> memberStates, List<@NotBlank String> rcps,
      Map<String, @NotBlank String> calendar, String timeZone, Boolean replay) {
  }
}
