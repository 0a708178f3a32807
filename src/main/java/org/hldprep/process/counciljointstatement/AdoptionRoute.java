package org.hldprep.process.counciljointstatement;

import java.util.Set;

/**
 * How the IOM Council adopts the joint statement, by its Rules of Procedure (domain.md §0 [R26]): the
 * route the Chair or the Director General decides, its form fields and what the checks derive from them.
 *
 * <ul>
 *   <li>Rule 1: one regular session a year, at a time the Council fixed; Rule 4(a): its notice at least
 *       {@value #REGULAR_NOTICE_DAYS} days ahead, with the provisional agenda (Rule 5(2));</li>
 *   <li>Rule 2: a special session at the request of one third of the members, or of the Director General or
 *       the Chair in urgent circumstances; Rule 4(b): its notice within {@value #NOTICE_WITHIN_DAYS_OF_REQUEST}
 *       days of the request and at least {@value #SPECIAL_NOTICE_DAYS} days ahead;</li>
 *   <li>between sessions, adoption under silence (UN practice [R46]): the kept silence is the adoption.</li>
 * </ul>
 */
public final class AdoptionRoute {

  /** Form field of the route decision: {@value #INTERSESSIONAL}, {@value #SPECIAL_SESSION} or {@value #REGULAR_SESSION}. */
  public static final String ROUTE = "adoptionRoute";
  public static final String INTERSESSIONAL = "intersessional";
  public static final String SPECIAL_SESSION = "special-session";
  public static final String REGULAR_SESSION = "regular-session";
  public static final Set<String> ROUTES = Set.of(INTERSESSIONAL, SPECIAL_SESSION, REGULAR_SESSION);

  /** Who asked for the special session (Rule 2). */
  public static final String BASIS = "specialSessionBasis";
  public static final String MEMBERS_REQUEST = "members-request";
  public static final String URGENT_DIRECTOR_GENERAL = "urgent-director-general";
  public static final String URGENT_CHAIR = "urgent-chair";
  public static final Set<String> BASES = Set.of(MEMBERS_REQUEST, URGENT_DIRECTOR_GENERAL, URGENT_CHAIR);
  /** The Member States that asked for the special session (ISO 3166-1 alpha-3 codes). */
  public static final String REQUESTING_STATES = "requestingStates";
  /** The day their request reached the Director General (ISO date). */
  public static final String REQUEST_RECEIVED_ON = "requestReceivedOn";
  public static final String URGENT_CIRCUMSTANCES = "urgentCircumstances";
  /** The date of the regular session as the Council fixed it (Rule 1). */
  public static final String REGULAR_SESSION_DATE = "regularSessionDate";
  /** The special session's date is the calendar's (CycleCalendar.SPECIAL_SESSION_DATE), as the Chair or DG set it. */
  public static final String SPECIAL_SESSION_DATE = "specialSessionDate";

  // Set by the route check
  public static final String ROUTE_IN_ORDER = "adoptionRouteInOrder";
  /** Why the route cannot be taken as decided, shown when it is decided again; null once it is in order. */
  public static final String ROUTE_PROBLEM = "routeProblem";
  /** The record of a special session's request: basis, requesters and their count against a third of the members. */
  public static final String SPECIAL_SESSION_REQUEST = "specialSessionRequest";
  public static final String ROUTE_DECIDED_BY = "routeDecidedBy";
  /** The session that adopts the text (either route); the timer waits for it. */
  public static final String COUNCIL_SESSION_DATE = "councilSessionDate";
  public static final String NOTICE_DAYS_REQUIRED = "noticeDaysRequired";
  /** The last day the notice may go out: Rule 4 from the session (and, for a special session, from the request). */
  public static final String LATEST_NOTICE_DATE = "latestNoticeDate";
  /** The last day to circulate the text under silence so that the silence ends before the notice is due. */
  public static final String CIRCULATE_BY = "circulateBy";

  // The notice, given by the secretariat when it convenes the session
  public static final String NOTICE_DATE = "noticeDate";
  public static final String SESSION_NOTICE_DAYS = "sessionNoticeDays";
  public static final String SESSION_NOTICE_SUFFICIENT = "sessionNoticeSufficient";
  /** Why the notice does not meet Rule 4, shown when the session is convened again; null once it does. */
  public static final String SESSION_NOTICE_PROBLEM = "sessionNoticeProblem";
  /** Why the session cannot be held as decided (the secretariat's answer), shown when the route is decided again. */
  public static final String SESSION_NOT_HELD_REASON = "sessionNotHeldReason";
  public static final String SESSION_CONVENED = "convened";
  public static final String SESSION_CANNOT_BE_HELD = "cannot-be-held";

  /** Rule 4(a). */
  public static final int REGULAR_NOTICE_DAYS = 30;
  /** Rule 4(b). */
  public static final int SPECIAL_NOTICE_DAYS = 15;
  /** Rule 4(b): the notice of a special session goes out within ten days after the request is received. */
  public static final int NOTICE_WITHIN_DAYS_OF_REQUEST = 10;

  private AdoptionRoute() {
  }

  /** Whether a route is a session (regular or special) rather than the adoption under silence. */
  public static boolean inSession(Object route) {
    return SPECIAL_SESSION.equals(route) || REGULAR_SESSION.equals(route);
  }
}
