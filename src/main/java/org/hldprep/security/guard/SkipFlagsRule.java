package org.hldprep.security.guard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/**
 * Start instructions and the skip flags let a caller start a process before any activity, or run it
 * without its listeners and input mappings: a task would then appear without routing and without the
 * start checks. Only administrators may send them, in a query string or a JSON body (process-definition
 * start and submit-form, deletes, modifications).
 */
public class SkipFlagsRule implements EngineApiRule {

  static final List<String> FLAGS = List.of("startInstructions", "instructions", "skipCustomListeners",
      "skipIoMappings", "skipSubprocesses", "skipListeners");

  @Override
  public Refusal check(EngineApiCall call) throws IOException {
    if (!call.isEngineApi() || call.isAdmin()) {
      return null;
    }
    for (String flag : FLAGS) {
      if (call.parameter(flag) != null) {
        return refusal(flag);
      }
    }
    if (call.isWrite() && isJson(call.request().getContentType())) {
      JsonNode json = call.json();
      if (json != null && json.isObject()) {
        for (String flag : FLAGS) {
          JsonNode value = json.get(flag);
          if (value != null && !value.isNull() && !(value.isBoolean() && !value.booleanValue())
              && !(value.isArray() && value.isEmpty())) {
            return refusal(flag);
          }
        }
      }
    }
    return null;
  }

  private static boolean isJson(String contentType) {
    return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
  }

  private static Refusal refusal(String flag) {
    return Refusal.forbidden("Only members of camunda-admin may use '" + flag + "': a process starts at its start"
        + " event and runs its listeners.");
  }
}
