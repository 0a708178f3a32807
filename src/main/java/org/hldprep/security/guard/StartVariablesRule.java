package org.hldprep.security.guard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hldprep.platform.input.InputLimits;

/**
 * A process start (start or submit-form) by anyone but an administrator carries plain values only: text,
 * booleans, numbers, or a JSON list such as {@code memberStates}. No {@code valueInfo} and no Object, Xml,
 * Bytes or File values, which the engine would try to build as a class when the start listener reads them.
 * For everyone, administrators included, no text longer than the engine's column ({@link InputLimits#MAX_TEXT}):
 * the start would otherwise fail on the database with a 500.
 */
public class StartVariablesRule implements EngineApiRule {

  private static final Pattern START = Pattern.compile(
      "^/process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/(start|submit-form)/?$");
  static final Set<String> PLAIN_TYPES = Set.of("String", "Boolean", "Long", "Integer", "Short", "Double", "Json");

  @Override
  public Refusal check(EngineApiCall call) throws IOException {
    if (!call.isEngineApi() || !"POST".equals(call.method()) || !START.matcher(call.enginePath()).matches()) {
      return null;
    }
    if (call.isAdmin()) {
      return tooLongText(call.json());
    }
    JsonNode json = call.json();
    if (json == null || !json.isObject()) {
      return Refusal.badRequest("The body of a process start must be a JSON object.");
    }
    JsonNode variables = json.get("variables");
    if (variables == null || variables.isNull()) {
      return null;
    }
    if (!variables.isObject()) {
      return Refusal.badRequest("'variables' must be an object of variable name to {\"value\": ...}.");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> variable = it.next();
      String name = TaskFormGuard.shorten(variable.getKey());
      JsonNode value = variable.getValue();
      if (!value.isObject()) {
        return Refusal.badRequest("'" + name + "' must be sent as {\"value\": ...}.");
      }
      JsonNode valueInfo = value.get("valueInfo");
      if (valueInfo != null && !valueInfo.isNull() && !(valueInfo.isObject() && valueInfo.isEmpty())) {
        return Refusal.badRequest("'" + name + "' carries valueInfo; a start takes plain values only.");
      }
      JsonNode type = value.get("type");
      if (type != null && !type.isNull() && !(type.isTextual() && PLAIN_TYPES.contains(type.asText()))) {
        return Refusal.badRequest("'" + name + "' must be a plain value (text, boolean, number or a JSON list),"
            + " not of type " + TaskFormGuard.shorten(type.toString()) + ".");
      }
    }
    return tooLongText(json);
  }

  private static Refusal tooLongText(JsonNode start) {
    JsonNode variables = start == null ? null : start.get("variables");
    if (variables == null || !variables.isObject()) {
      return null;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> variable = it.next();
      JsonNode value = variable.getValue().path("value");
      if (value.isTextual() && value.asText().length() > InputLimits.MAX_TEXT) {
        return Refusal.badRequest("'" + TaskFormGuard.shorten(variable.getKey()) + "' is longer than "
            + InputLimits.MAX_TEXT + " characters, the most a text variable holds.");
      }
    }
    return null;
  }
}
