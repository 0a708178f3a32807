package org.hldprep.security.guard;

import java.io.IOException;

/** One policy of the engine API guard. */
public interface EngineApiRule {

  /** Null to let the request through (to the next rule), or the refusal. */
  Refusal check(EngineApiCall call) throws IOException;
}
