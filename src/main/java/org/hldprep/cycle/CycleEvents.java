package org.hldprep.cycle;

import static org.hldprep.process.hldpreparation.HldPreparationProcess.CALENDAR_CHANGES;
import static org.hldprep.process.hldpreparation.HldPreparationProcess.MESSAGE_CALENDAR_CHANGED;
import static org.hldprep.process.hldpreparation.HldPreparationProcess.MESSAGE_HLD_CONCLUDED;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.cycle.CycleAnswers.EventSent;
import org.hldprep.cycle.CycleEvent.CalendarChanged;
import org.hldprep.cycle.CycleEvent.RcpInputReceived;
import org.hldprep.engine.AsEngine;
import org.hldprep.platform.api.ConflictException;
import org.hldprep.platform.api.ForbiddenException;
import org.hldprep.platform.api.InvalidRequestException;
import org.hldprep.platform.input.InputParser;
import org.hldprep.process.InputVariables;
import org.hldprep.process.cebhlcppaper.CebHlcpPaperProcess;
import org.hldprep.process.counciljointstatement.CouncilJointStatementProcess;
import org.hldprep.process.hldpreparation.HldPreparationStartListener;
import org.hldprep.process.pgaoutcomeinput.PgaOutcomeInputProcess;
import org.hldprep.process.rcpcontribution.RcpContributionProcess;
import org.hldprep.reference.ReferenceData;
import org.hldprep.reference.UnknownReferenceCodeException;
import org.hldprep.routing.GroupIds;
import org.springframework.stereotype.Service;

/**
 * The cycle's event catalogue: who may send which {@link CycleEvent}, which instance of the cycle
 * receives it, and the sending. The caller's groups decide (a Permanent Mission objects for its own
 * country only); the correlation itself then runs as the engine, since the sender needs no rights on
 * the instance beyond this one event.
 */
@Service
public class CycleEvents {

  /**
   * Who may send an event and which instance receives it: the instance with the business key
   * {@code <cycle>-<targetSuffix>}, the master for an empty suffix, the RCP's own for none.
   */
  record Route(Set<String> senderGroups, boolean permanentMissions, String targetSuffix) {
  }

  static final Map<String, Route> ROUTES = Map.of(
      // A Permanent Mission objects for its own country; the Council secretariat records an objection
      // received by note verbale for the mission it names (with the note's reference).
      CouncilJointStatementProcess.MESSAGE_OBJECTION_RAISED,
      new Route(Set.of(GroupIds.ICP_GOVERNING_BODIES), true, CouncilJointStatementProcess.KEY),
      RcpContributionProcess.MESSAGE_RCP_INPUT_RECEIVED, new Route(Set.of(GroupIds.ICP_RCP), false, null),
      PgaOutcomeInputProcess.MESSAGE_DRAFT_CIRCULATED,
      new Route(Set.of(GroupIds.LIAISON_NEW_YORK, GroupIds.ICP), false, PgaOutcomeInputProcess.KEY),
      PgaOutcomeInputProcess.MESSAGE_OUTCOME_ADOPTED,
      new Route(Set.of(GroupIds.LIAISON_NEW_YORK, GroupIds.ICP), false, PgaOutcomeInputProcess.KEY),
      MESSAGE_CALENDAR_CHANGED, new Route(Set.of(GroupIds.ICP), false, ""),
      // The CEB/HLCP paper: partnerships (iom-icp-ip) follow HLCP and the CEB, ICP may send for them.
      CebHlcpPaperProcess.MESSAGE_HLCP_OUTCOME_RECEIVED,
      new Route(Set.of(GroupIds.ICP_PARTNERSHIPS, GroupIds.ICP), false, CebHlcpPaperProcess.KEY),
      CebHlcpPaperProcess.MESSAGE_CEB_DECISION_RECEIVED,
      new Route(Set.of(GroupIds.ICP_PARTNERSHIPS, GroupIds.ICP), false, CebHlcpPaperProcess.KEY),
      // The Dialogue is over: New York (iom-slo-nyc) or ICP sends the outcome's symbol to the master.
      MESSAGE_HLD_CONCLUDED, new Route(Set.of(GroupIds.LIAISON_NEW_YORK, GroupIds.ICP), false, ""));

  static final int CORRELATION_ATTEMPTS = 3;

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CycleStatusReader statusReader;
  private final ReferenceData referenceData;

  public CycleEvents(RuntimeService runtimeService, IdentityService identityService, CycleStatusReader statusReader,
      ReferenceData referenceData) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.statusReader = statusReader;
    this.referenceData = referenceData;
  }

  /** The events a client may send, by name. */
  public static Set<String> names() {
    return new java.util.TreeSet<>(ROUTES.keySet());
  }

  /** Correlates an event, checked field by field already, to the instance of this cycle that waits for it. */
  public EventSent send(String cycle, CycleEvent event, String userId, List<String> groups) {
    String message = event.message();
    Route route = ROUTES.get(message);
    Map<String, Object> variables = new LinkedHashMap<>();
    if (route.permanentMissions()) {
      variables.putAll(objector((CycleEvent.ObjectionRaised) event, userId, groups, route.senderGroups()));
    } else if (groups.stream().noneMatch(route.senderGroups()::contains)) {
      throw new ForbiddenException("Only members of " + String.join(" or ", route.senderGroups()) + " may send "
          + message);
    }
    variables.putAll(event.variables());
    String target = target(cycle, route, event);
    if (event instanceof RcpInputReceived rcp) {
      variables.put(RcpContributionProcess.RCP_CODE, target.substring(cycle.length() + 1));
    }
    if (event instanceof CalendarChanged change) {
      variables.put(CALENDAR_CHANGES, HldPreparationStartListener.json(checkedCalendarChange(cycle, change)));
    }
    asEngine(() -> correlate(cycle, message, target, variables, route.permanentMissions()));
    return new EventSent(message, target, userId);
  }

  private Object correlate(String cycle, String message, String target, Map<String, Object> variables,
      boolean local) {
    // The job executor may be moving the same instance on (a child ending, a timer): a concurrent
    // update is retried a few times before the client is told to send again.
    for (int attempt = 1;; attempt++) {
      try {
        var correlation = runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(target);
        // An objection's details belong to its own event sub-process: several may arrive at once.
        return (local ? correlation.setVariablesLocal(variables) : correlation.setVariables(variables))
            .correlateWithResult();
      } catch (BadUserRequestException e) {
        throw new InvalidRequestException(e.getMessage());
      } catch (MismatchingMessageCorrelationException e) {
        throw new ConflictException(
            "Nothing in cycle " + cycle + " is waiting for " + message + " now (" + target + ")");
      } catch (OptimisticLockingException e) {
        if (attempt == CORRELATION_ATTEMPTS) {
          throw new ConflictException(target + " changed at the same moment; send " + message + " again");
        }
      }
    }
  }

  /**
   * Who objects for whom: a Permanent Mission (group pm-iso3) for its own country, or the Council
   * secretariat for the mission named in the body, by note verbale (its reference required). The
   * recorder is kept with the objection, so the history shows who recorded it for whom.
   */
  private static Map<String, Object> objector(CycleEvent.ObjectionRaised objection, String userId,
      List<String> groups, Set<String> proxies) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(CouncilJointStatementProcess.RECORDED_BY, userId);
    String mission = groups.stream().filter(g -> g.startsWith("pm-")).findFirst().orElse(null);
    if (mission != null) {
      variables.put(CouncilJointStatementProcess.OBJECTING_COUNTRY, mission.substring(3).toUpperCase(Locale.ROOT));
      variables.put(CouncilJointStatementProcess.OBJECTION_CHANNEL,
          CouncilJointStatementProcess.CHANNEL_PERMANENT_MISSION);
      return variables;
    }
    if (groups.stream().noneMatch(proxies::contains)) {
      throw new ForbiddenException("Only a Permanent Mission (group pm-<iso3>), or the Council secretariat ("
          + GroupIds.ICP_GOVERNING_BODIES + ") for an objection received by note verbale, may send "
          + objection.message());
    }
    Map<String, String> noteVerbale = new LinkedHashMap<>();
    noteVerbale.put(CouncilJointStatementProcess.OBJECTING_COUNTRY, objection.objectingCountry());
    noteVerbale.put(CouncilJointStatementProcess.NOTE_VERBALE_REFERENCE, objection.noteVerbaleReference());
    noteVerbale.forEach((field, value) -> {
      if (InputParser.blank(value)) {
        throw new InvalidRequestException("The field '" + field + "' is required when the secretariat records an"
            + " objection received by note verbale");
      }
      variables.put(field, value.trim());
    });
    variables.put(CouncilJointStatementProcess.OBJECTION_CHANNEL, CouncilJointStatementProcess.CHANNEL_NOTE_VERBALE);
    return variables;
  }

  private String target(String cycle, Route route, CycleEvent event) {
    if (route.targetSuffix() == null) {
      try {
        return cycle + "-" + referenceData.requireRcp(((RcpInputReceived) event).rcpCode()).code();
      } catch (UnknownReferenceCodeException e) {
        throw new InvalidRequestException(e.getMessage());
      }
    }
    return route.targetSuffix().isEmpty() ? cycle : cycle + "-" + route.targetSuffix();
  }

  /**
   * The dates of a CalendarChanged, checked against the running cycle as the master will check them
   * (a 400 before anything is sent): known keys, ISO dates, order, nothing still ahead moved into the
   * past unless the message or the cycle says replay.
   */
  private Map<String, String> checkedCalendarChange(String cycle, CalendarChanged change) {
    Map<String, String> changes = new LinkedHashMap<>();
    change.calendarChanges().forEach((key, date) -> changes.put(key, String.valueOf(date)));
    CycleStatus status = asEngine(() -> statusReader.find(cycle)).filter(CycleStatus::running)
        .orElseThrow(() -> new ConflictException("No running cycle " + cycle + " to change the calendar of"));
    try {
      boolean replay = status.replay() || Boolean.TRUE.equals(change.replay());
      CycleCalendar.changeChecked(status.calendar(),
          new LinkedHashSet<>(InputParser.codes(status.variable(CycleCalendar.GIVEN_DATES))), changes, replay,
          InputVariables.today(status.zone()));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    return changes;
  }

  private <T> T asEngine(Supplier<T> work) {
    return AsEngine.call(identityService, work);
  }
}
