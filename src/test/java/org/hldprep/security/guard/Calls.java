package org.hldprep.security.guard;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.mock.web.MockHttpServletRequest;

/** Engine API calls for the rules' unit tests. */
final class Calls {

  private Calls() {
  }

  static EngineApiCall staff(String method, String enginePath) {
    return call(method, enginePath, null, null, "phl-officer", List.of("co-phl"));
  }

  static EngineApiCall admin(String method, String enginePath) {
    return call(method, enginePath, null, null, "admin", List.of("camunda-admin"));
  }

  static EngineApiCall call(String method, String enginePath, String query, String jsonBody, String user,
      List<String> groups) {
    String path = enginePath.startsWith("/camunda/") ? enginePath : "/engine-rest" + enginePath;
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setServletPath(path);
    request.setQueryString(query);
    if (jsonBody != null) {
      request.setContentType("application/json");
      request.setContent(jsonBody.getBytes(StandardCharsets.UTF_8));
    }
    return new EngineApiCall(request, path, enginePath.startsWith("/camunda/") ? null : enginePath,
        enginePath.startsWith("/camunda/"), user, groups);
  }
}
