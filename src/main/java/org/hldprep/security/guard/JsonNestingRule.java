package org.hldprep.security.guard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import org.hldprep.platform.input.InputLimits;

/**
 * A JSON body sent to the engine API is nested at most {@link InputLimits#MAX_JSON_NESTING} levels deep.
 * The engine's own parser fails on thousands of levels with a 500 (a history query of 10,000 {@code [}).
 * Only the nesting is checked here, by a streaming pass that builds nothing; malformed JSON is left to
 * the engine, which answers it 400 itself.
 */
public class JsonNestingRule implements EngineApiRule {

  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(InputLimits.MAX_JSON_NESTING).build())
      .build();

  @Override
  public Refusal check(EngineApiCall call) throws IOException {
    String contentType = call.contentType();
    if (!call.isEngineApi() || !call.isWrite() || contentType == null || !contentType.contains("json")) {
      return null;
    }
    byte[] body = call.body();
    return body != null && nestedTooDeep(body)
        ? Refusal.badRequest("The JSON body is nested deeper than "
            + InputLimits.MAX_JSON_NESTING + " levels of arrays and objects.")
        : null;
  }

  static boolean nestedTooDeep(byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      while (parser.nextToken() != null) {
        // each token is only counted: the parser checks the depth as it enters an array or object
      }
      return false;
    } catch (StreamConstraintsException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
