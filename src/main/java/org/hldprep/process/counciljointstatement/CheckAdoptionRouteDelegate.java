package org.hldprep.process.counciljointstatement;

import static org.hldprep.process.counciljointstatement.AdoptionRoute.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hldprep.calendar.CycleCalendar;
import org.hldprep.engine.EngineCaller;
import org.hldprep.engine.EngineClock;
import org.hldprep.platform.input.InputParser;
import org.hldprep.process.InputVariables;
import org.hldprep.reference.ReferenceData;
import org.hldprep.routing.GroupIds;
import org.springframework.stereotype.Component;

/**
 * The route the Chair or the Director General decided, against the Council's Rules of Procedure
 * ({@link AdoptionRoute}). A route that cannot be taken as decided comes back to them with the reason
 * ({@value AdoptionRoute#ROUTE_PROBLEM}); one that can sets the session, the last day of its notice and the
 * last day to circulate the text, so that a silence started that day ends before the notice is due. A
 * request "in urgent circumstances" is the requester's own: the Director General's from a member of
 * {@code iom-dg}, the Chair's from {@code council-chair} (refused with a 400 otherwise).
 */
@Component("checkAdoptionRouteDelegate")
public class CheckAdoptionRouteDelegate implements JavaDelegate {

  private final ReferenceData referenceData;

  public CheckAdoptionRouteDelegate(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String route = oneOf(execution, ROUTE, ROUTES);
    ZoneId zone = InputVariables.timeZone(execution);
    LocalDate today = InputVariables.today(zone);
    Duration window = Duration.parse(execution.getVariable(CouncilJointStatementProcess.SILENCE_WINDOW).toString());
    // The text can be settled, at the earliest, once a silence started now has run its window.
    LocalDate settled = EngineClock.now().plus(window).atZone(zone)
        .toLocalDate();
    long windowDays = (window.toSeconds() + 86_399) / 86_400;
    LocalDate endorsementDeadline = ProcessVariables.requiredDate(execution, CycleCalendar.ENDORSEMENT_DEADLINE);
    String caller = EngineCaller.userId(execution.getProcessEngineServices().getIdentityService());
    List<String> callerGroups = EngineCaller.groupIds(execution.getProcessEngineServices().getIdentityService());
    List<String> problems = new ArrayList<>();
    ObjectNode request = null;
    LocalDate session = null;
    LocalDate latestNotice = null;
    Integer noticeDays = null;
    LocalDate circulateBy;
    if (INTERSESSIONAL.equals(route)) {
      if (settled.isAfter(endorsementDeadline)) {
        problems.add("a silence circulated today would end on " + settled + ", after the endorsement deadline of "
            + endorsementDeadline);
      }
      circulateBy = endorsementDeadline.minusDays(windowDays);
    } else {
      LocalDate noticeFrom;
      if (REGULAR_SESSION.equals(route)) {
        session = ProcessVariables.requiredDate(execution, REGULAR_SESSION_DATE);
        noticeDays = REGULAR_NOTICE_DAYS;
        latestNotice = session.minusDays(noticeDays);
        noticeFrom = null;
      } else {
        session = ProcessVariables.requiredDate(execution, SPECIAL_SESSION_DATE);
        noticeDays = SPECIAL_NOTICE_DAYS;
        request = specialSessionRequest(execution, today, caller, callerGroups, problems);
        noticeFrom = LocalDate.parse(request.path("requestDay").asText());
        LocalDate byRequest = noticeFrom.plusDays(NOTICE_WITHIN_DAYS_OF_REQUEST);
        latestNotice = session.minusDays(noticeDays).isBefore(byRequest) ? session.minusDays(noticeDays) : byRequest;
      }
      if (settled.isAfter(latestNotice)) {
        problems.add(noticeProblem(route, session, noticeDays, noticeFrom, settled, latestNotice));
      }
      if (session.isAfter(endorsementDeadline)) {
        problems.add("a session on " + session + " falls after the endorsement deadline of " + endorsementDeadline);
      }
      circulateBy = latestNotice.minusDays(windowDays);
    }
    String problem = problems.isEmpty()
        ? null
        : "The route cannot be taken as decided: " + String.join("; ", problems) + ".";
    execution.setVariable(ROUTE_IN_ORDER, problem == null);
    execution.setVariable(ROUTE_PROBLEM, problem);
    execution.setVariable(ROUTE_DECIDED_BY, caller == null ? null : caller);
    execution.setVariable(COUNCIL_SESSION_DATE, session == null ? null : session.toString());
    execution.setVariable(NOTICE_DAYS_REQUIRED, noticeDays);
    execution.setVariable(LATEST_NOTICE_DATE, latestNotice == null ? null : latestNotice.toString());
    execution.setVariable(CIRCULATE_BY, (circulateBy.isBefore(today) ? today : circulateBy).toString());
    if (request != null) {
      execution.setVariable(SPECIAL_SESSION_REQUEST, ProcessVariables.json(request));
    }
    if (problem == null) {
      execution.setVariable(SESSION_NOT_HELD_REASON, null);
    }
  }

  private static String noticeProblem(String route, LocalDate session, int noticeDays, LocalDate request,
      LocalDate settled, LocalDate latestNotice) {
    String rule = REGULAR_SESSION.equals(route)
        ? "Rule 4(a): the notice of a regular session goes out at least " + noticeDays + " days before it, i.e. by "
            + latestNotice
        : "Rule 4(b): the notice of a special session goes out within " + NOTICE_WITHIN_DAYS_OF_REQUEST
            + " days after the request of " + request + " and at least " + noticeDays + " days before the session of "
            + session + ", i.e. by " + latestNotice;
    return "a text circulated today would be settled under silence on " + settled + " at the earliest, too late for "
        + "the session of " + session + " (" + rule + "): choose a later session, a shorter silence window, or the"
        + " intersessional route";
  }

  /** Who asked for the special session and how, checked (Rule 2), as the record kept with the statement. */
  private ObjectNode specialSessionRequest(DelegateExecution execution, LocalDate today, String caller,
      List<String> callerGroups, List<String> problems) {
    String basis = oneOf(execution, BASIS, BASES);
    ObjectNode record = ProcessVariables.entry();
    record.put("basis", basis);
    record.put("recordedBy", caller == null ? "engine" : caller);
    if (MEMBERS_REQUEST.equals(basis)) {
      List<String> codes = InputParser.codes(execution.getVariable(REQUESTING_STATES));
      if (codes.isEmpty()) {
        throw new BadUserRequestException("The variable '" + REQUESTING_STATES + "' is required for a special"
            + " session requested by Member States: their ISO 3166-1 alpha-3 codes");
      }
      LocalDate received = ProcessVariables.requiredDate(execution, REQUEST_RECEIVED_ON);
      if (received.isAfter(today)) {
        throw new BadUserRequestException(REQUEST_RECEIVED_ON + " (" + received + ") lies in the future");
      }
      MembersRequest request = MembersRequest.of(codes, received, referenceData);
      record.put("requestReceivedOn", received.toString());
      record.put("requestDay", received.toString());
      record.put("requestingStates", String.join(", ", request.requesters()));
      record.put("requestingMembers", request.members().size());
      record.put("iomMembersOnThatDay", request.knownMembers());
      record.put("membershipUnknownOnThatDay", request.unknownMembership());
      record.put("oneThirdAtLeast", request.oneThirdAtLeast());
      record.put("oneThirdAtMost", request.oneThirdAtMost());
      if (request.problem() != null) {
        problems.add(request.problem());
      }
    } else {
      String circumstances = ProcessVariables.requiredText(execution, URGENT_CIRCUMSTANCES);
      String group = URGENT_DIRECTOR_GENERAL.equals(basis) ? GroupIds.DIRECTOR_GENERAL : GroupIds.COUNCIL_CHAIR;
      if (caller != null && callerGroups != null && !callerGroups.contains(group)) {
        throw new BadUserRequestException("Only " + (URGENT_DIRECTOR_GENERAL.equals(basis)
            ? "the Director General"
            : "the Chair of the Council") + " (" + group + ") may request a special session"
            + " in urgent circumstances as " + basis + " (Rule 2(b))");
      }
      record.put("urgentCircumstances", circumstances);
      record.put("requestDay", today.toString());
    }
    return record;
  }

  private static String oneOf(DelegateExecution execution, String name, java.util.Set<String> values) {
    String value = ProcessVariables.requiredText(execution, name);
    if (!values.contains(value)) {
      throw new BadUserRequestException("The variable '" + name + "' must be one of " + String.join(", ",
          new java.util.TreeSet<>(values)) + ", got '" + value + "'");
    }
    return value;
  }
}
