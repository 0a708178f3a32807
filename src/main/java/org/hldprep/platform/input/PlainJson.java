package org.hldprep.platform.input;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one {@link ObjectMapper} of the code that is not Spring MVC's: Jackson's own defaults, shared
 * (an ObjectMapper is thread-safe once configured, and this one is never reconfigured).
 *
 * <p>Why not Spring Boot's {@code ObjectMapper} bean: that one is configured for {@code /api} (unknown
 * properties refused, nulls left out, JSON nesting capped at {@link InputLimits#MAX_JSON_NESTING}). The
 * users of this one must not inherit that:
 *
 * <ul>
 *   <li>engine-side code (delegates, listeners, the deployment check) runs inside Camunda's commands,
 *       created by the engine, with no Spring context to take a bean from;
 *   <li>the engine API guard reads what clients send and what the engine answers with Jackson's own
 *       limits, so that its rules can name a problem (a body nested too deep is refused by JsonNestingRule
 *       with that reason, not as "not JSON"), and so that an answer is never passed on un-narrowed because
 *       it failed to parse;
 *   <li>the error bodies of the filters ({@code JsonErrors}) are written exactly in Camunda's shape, from
 *       filters built outside Spring as well.
 * </ul>
 *
 * Never configure it: create a mapper of your own (or take the bean) if you need other settings.
 */
public final class PlainJson {

  /** Jackson's defaults; read-only by convention. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private PlainJson() {
  }
}
