package org.hldprep.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CrossSiteRequestFilterTest {

  private final CrossSiteRequestFilter filter = new CrossSiteRequestFilter(
      List.of("https://tools.hldprep.example/", ""));

  /** A request to https://hldprep.example (port 443) with these headers (null: not sent). */
  private boolean fromAnotherSite(String origin, String secFetchSite) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/deployment/create");
    request.setScheme("https");
    request.setServerName("hldprep.example");
    request.setServerPort(443);
    if (origin != null) {
      request.addHeader("Origin", origin);
    }
    if (secFetchSite != null) {
      request.addHeader("Sec-Fetch-Site", secFetchSite);
    }
    return filter.fromAnotherSite(request);
  }

  @Test
  void clientsOutsideABrowserAndTheApplicationsOwnPagesPass() {
    assertThat(fromAnotherSite(null, null)).isFalse();
    assertThat(fromAnotherSite("https://hldprep.example", null)).isFalse();
    assertThat(fromAnotherSite("https://hldprep.example:443", "same-origin")).isFalse();
    assertThat(fromAnotherSite(null, "none")).as("typed in the address bar").isFalse();
  }

  @Test
  void anotherOriginOrSiteIsRefused() {
    assertThat(fromAnotherSite("https://evil.example", null)).isTrue();
    assertThat(fromAnotherSite("http://hldprep.example", null)).as("another scheme").isTrue();
    assertThat(fromAnotherSite("https://hldprep.example:8443", null)).as("another port").isTrue();
    assertThat(fromAnotherSite("null", null)).as("a sandboxed page or a file").isTrue();
    assertThat(fromAnotherSite(null, "cross-site")).isTrue();
    assertThat(fromAnotherSite(null, "same-site")).isTrue();
    assertThat(fromAnotherSite("https://other.hldprep.example", "same-site")).isTrue();
  }

  @Test
  void anAllowedOriginPassesOnTheSameSiteOnly() {
    assertThat(fromAnotherSite("https://tools.hldprep.example", "same-site")).isFalse();
    assertThat(fromAnotherSite("https://tools.hldprep.example", null)).isFalse();
    assertThat(fromAnotherSite("https://tools.hldprep.example", "cross-site")).isTrue();
  }
}
