package org.hldprep.security.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.hldprep.support.Keycloak;
import org.hldprep.support.SsoIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The webapps under single sign-on, as a browser meets them without running their scripts: a stranger is
 * sent to the provider with PKCE; Camunda's login form still opens for the administrators of the
 * environment (the way back in), and refuses everyone else.
 */
class SsoWebappIT extends SsoIntegrationTest {

  private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  /** The cookies a browser keeps (Java's CookieManager would not send the Secure ones over http://localhost). */
  private final Map<String, String> cookies = new LinkedHashMap<>();

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
          .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String cookie : response.headers().allValues("Set-Cookie")) {
      String pair = cookie.split(";", 2)[0];
      cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    return response;
  }

  @Test
  void aStrangerIsSentToTheProviderWithPkce() throws Exception {
    for (String page : new String[]{"/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
        "/camunda/app/admin/default/", "/camunda/app/"}) {
      HttpResponse<String> opened = get(page);
      assertThat(opened.statusCode()).as(page).isEqualTo(302);
      assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/camunda/sso/authorize/hld-prep");
    }
    HttpResponse<String> authorize = get("/camunda/sso/authorize/hld-prep");
    assertThat(authorize.statusCode()).isEqualTo(302);
    assertThat(authorize.headers().firstValue("Location").orElseThrow())
        .startsWith(Keycloak.get().issuer() + "/protocol/openid-connect/auth?")
        .contains("response_type=code", "client_id=hld-prep", "code_challenge=", "code_challenge_method=S256",
            "redirect_uri=" + url("/camunda/sso/callback"));
    assertThat(get("/camunda/app/tasklist/scripts/config.js").statusCode()).as("scripts load for the login")
        .isEqualTo(200);
  }

  @Test
  void theLoginFormTakesOnlyTheAdministratorsOfTheEnvironment() throws Exception {
    assertThat(get("/camunda/app/admin/default/?breakglass").statusCode()).isEqualTo(200);
    HttpResponse<String> first = get("/camunda/api/admin/auth/user/default");
    String csrf = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();

    HttpResponse<String> staff = login("phl-officer", "phl-officer-sso", csrf);
    assertThat(staff.statusCode()).as(staff.body()).isEqualTo(403);
    assertThat(staff.body()).contains("single sign-on");

    HttpResponse<String> rescue = login(BREAK_GLASS, BREAK_GLASS_PASSWORD, csrf);
    assertThat(rescue.statusCode()).as(rescue.body()).isEqualTo(200);
    assertThat(get("/camunda/app/admin/default/").statusCode()).as("signed in: the pages open").isEqualTo(200);
  }

  private HttpResponse<String> login(String user, String password, String csrf) throws Exception {
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(HttpRequest.newBuilder(URI.create(url("/camunda/api/admin/auth/user/default/login/admin")))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }
}
