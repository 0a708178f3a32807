package org.hldprep.security.guard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ad-hoc task queries carrying an expression ({@code ${} or {@code #{}) in any field, orQueries included,
 * are refused before the engine sees them (CVE-2026-109432: orQueries bypass
 * enableExpressionsInAdhocQueries). Stored filters, where expressions belong, are administrators' work.
 */
public class ExpressionQueryRule implements EngineApiRule {

  private static final Pattern TASK_QUERY = Pattern
      .compile("^/(task(/count)?|filter/[^/]+/(list|count|singleResult))/?$");

  @Override
  public Refusal check(EngineApiCall call) throws IOException {
    if (!call.isEngineApi() || !TASK_QUERY.matcher(call.enginePath()).matches()) {
      return null;
    }
    if (containsExpression(call.queryString())) {
      return refusal();
    }
    if ("POST".equals(call.method())) {
      if (call.body() == null) {
        return Refusal.tooLarge("A task query body may not exceed " + EngineApiCall.MAX_BODY_BYTES + " bytes.");
      }
      JsonNode json = call.json();
      if (json == null) {
        return Refusal.badRequest("The task query body is not valid JSON.");
      }
      if (containsExpression(json)) {
        return refusal();
      }
    }
    return null;
  }

  private static Refusal refusal() {
    return Refusal
        .badRequest("Task queries may not contain expressions (${...} or #{...}); use a filter for stored queries.");
  }

  static boolean containsExpression(String text) {
    if (text == null) {
      return false;
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // A malformed escape may hide an expression from this check but not from the REST layer's
      // own, more lenient decoding: refuse it (fail closed).
      return true;
    }
    return hasExpressionMarker(text) || hasExpressionMarker(decoded);
  }

  static boolean containsExpression(JsonNode node) {
    if (node.isTextual()) {
      return hasExpressionMarker(node.textValue());
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> field = it.next();
        if (hasExpressionMarker(field.getKey()) || containsExpression(field.getValue())) {
          return true;
        }
      }
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (containsExpression(element)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasExpressionMarker(String value) {
    return value.contains("${") || value.contains("#{");
  }
}
