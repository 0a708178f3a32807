package org.hldprep.cycle;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.hldprep.cycle.CycleAnswers.EventSent;
import org.hldprep.cycle.CycleEvent.CalendarChanged;
import org.hldprep.cycle.CycleEvent.CebDecisionReceived;
import org.hldprep.cycle.CycleEvent.HlcpOutcomeReceived;
import org.hldprep.cycle.CycleEvent.HldConcluded;
import org.hldprep.cycle.CycleEvent.ObjectionRaised;
import org.hldprep.cycle.CycleEvent.OutcomeAdopted;
import org.hldprep.cycle.CycleEvent.OutcomeDraftCirculated;
import org.hldprep.cycle.CycleEvent.RcpInputReceived;
import org.hldprep.platform.api.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The events of a cycle that come from outside IOM's Tasklist, one operation per event so that each has
 * its own checked body: an objection under silence, an RCP's input, a circulated draft or the adopted
 * outcome document, a changed calendar, HLCP's and the CEB's answers on the paper, the Dialogue's outcome.
 * 409 when nothing in the cycle waits for the event now.
 */
@RestController
@RequestMapping("/api/cycles/{cycle}/messages")
@Tag(name = "Cycle events", description = "Events from outside the Tasklist, delivered to the step that waits for"
    + " them")
public class CycleEventController {

  private final CycleEvents events;

  public CycleEventController(CycleEvents events) {
    this.events = events;
  }

  @PostMapping("/ObjectionRaised")
  @Operation(summary = "An objection to the Council's joint statement under silence (pm-<iso3>; iom-icp-gb by note"
      + " verbale)")
  public EventSent objectionRaised(@PathVariable String cycle, @Valid @RequestBody ObjectionRaised event,
      Authentication caller) {
    return send(cycle, event, caller);
  }

  @PostMapping("/RcpInputReceived")
  @Operation(summary = "An RCP's input arrived (iom-icp-rcp)")
  public EventSent rcpInputReceived(@PathVariable String cycle, @Valid @RequestBody RcpInputReceived event,
      Authentication caller) {
    return send(cycle, event, caller);
  }

  @PostMapping("/OutcomeDraftCirculated")
  @Operation(summary = "A new draft of the outcome document (iom-slo-nyc, iom-icp)")
  public EventSent outcomeDraftCirculated(@PathVariable String cycle,
      @Valid @RequestBody OutcomeDraftCirculated event, Authentication caller) {
    return send(cycle, event, caller);
  }

  @PostMapping("/OutcomeAdopted")
  @Operation(summary = "The outcome document was adopted (iom-slo-nyc, iom-icp)")
  public EventSent outcomeAdopted(@PathVariable String cycle, @Valid @RequestBody OutcomeAdopted event,
      Authentication caller) {
    return send(cycle, event, caller);
  }

  @PostMapping("/CalendarChanged")
  @Operation(summary = "Moves the pending dates of the calendar (iom-icp)", description = "Checked as at the start:"
      + " known keys, ISO dates, their order, nothing still ahead moved into the past unless replay is true.")
  public EventSent calendarChanged(@PathVariable String cycle, @Valid @RequestBody CalendarChanged event,
      Authentication caller) {
    return send(cycle, event, caller);
  }

  @PostMapping("/HlcpOutcomeReceived")
  @Operation(summary = "HLCP took up the cycle's CEB/HLCP paper (iom-icp-ip, iom-icp)")
  public EventSent hlcpOutcomeReceived(@PathVariable String cycle, @Valid @RequestBody HlcpOutcomeReceived event,
      Authentication caller) {
    return send(cycle, event, caller);
  }

  @PostMapping("/CebDecisionReceived")
  @Operation(summary = "The CEB decided on the cycle's paper (iom-icp-ip, iom-icp)")
  public EventSent cebDecisionReceived(@PathVariable String cycle, @Valid @RequestBody CebDecisionReceived event,
      Authentication caller) {
    return send(cycle, event, caller);
  }

  @PostMapping("/HldConcluded")
  @Operation(summary = "The Dialogue is over: its outcome (iom-slo-nyc, iom-icp)", description = "Awaited from the"
      + " opening of the HLD until councilReportStartDate.")
  public EventSent hldConcluded(@PathVariable String cycle, @Valid @RequestBody HldConcluded event,
      Authentication caller) {
    return send(cycle, event, caller);
  }

  /** Any other name: no such event (the operations above are the catalogue). */
  @Hidden
  @PostMapping("/{message}")
  public void unknown(@PathVariable String message) {
    throw new NotFoundException("Unknown event '" + message + "': expected one of "
        + String.join(", ", CycleEvents.names()));
  }

  private EventSent send(String cycle, CycleEvent event, Authentication caller) {
    List<String> groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    return events.send(cycle, event, caller.getName(), groups);
  }
}
