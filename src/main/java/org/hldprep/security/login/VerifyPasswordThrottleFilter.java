package org.hldprep.security.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.hldprep.platform.api.JsonErrors;
import org.hldprep.platform.input.LogText;
import org.hldprep.platform.input.PlainJson;
import org.hldprep.security.guard.EngineApiCall;
import org.hldprep.security.guard.GuardedRequests;

/**
 * Camunda's password check ({@code POST /identity/verify} with {@code {"username", "password"}}, under
 * {@code /engine-rest} and the webapps' {@code /camunda/api/engine/engine/{name}}) under the
 * {@link LoginThrottle}, as a login: any user may call it, so without this it would guess passwords
 * unthrottled and unlogged. Camunda answers 200 either way, {@code "authenticated"} telling which.
 */
public class VerifyPasswordThrottleFilter extends PasswordCheckThrottleFilter {

  private static final Pattern VERIFY = Pattern.compile(
      "^(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/identity/verify/?$");
  private static final ObjectMapper JSON = PlainJson.MAPPER;

  public VerifyPasswordThrottleFilter(LoginThrottle throttle) {
    super(throttle);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return !"POST".equals(request.getMethod()) || !VERIFY.matcher(path).matches();
  }

  @Override
  Attempt attempt(HttpServletRequest request, HttpServletResponse response) throws IOException {
    EngineApiCall call = new EngineApiCall(request, null, null, false, null, List.of());
    JsonNode body = call.json();
    if (call.bodyTooLarge()) {
      JsonErrors.write(response, 413, "InvalidRequestException",
          "The request body may not exceed " + EngineApiCall.MAX_BODY_BYTES + " bytes.");
      return null;
    }
    JsonNode user = body == null ? null : body.get("username");
    return new Attempt(GuardedRequests.replayed(call), user != null && user.isTextual() ? user.asText() : null);
  }

  /** Who asked, from the HTTP Basic login (none for the webapps' session). */
  @Override
  String channel(HttpServletRequest request) {
    return request.getRemoteUser() == null
        ? "identity/verify"
        : "identity/verify by " + LogText.printable(
            request.getRemoteUser());
  }

  @Override
  Boolean passwordRight(HeldResponse camundaAnswer) {
    if (camundaAnswer.getStatus() != HttpServletResponse.SC_OK) {
      return null;
    }
    try {
      JsonNode authenticated = JSON.readTree(camundaAnswer.getContentAsByteArray()).path("authenticated");
      return authenticated.isBoolean() ? authenticated.asBoolean() : null;
    } catch (IOException notJson) {
      return null;
    }
  }
}
