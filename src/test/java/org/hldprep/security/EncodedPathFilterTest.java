package org.hldprep.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class EncodedPathFilterTest {

  private MockHttpServletResponse get(String uri) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
    MockHttpServletResponse response = new MockHttpServletResponse();
    new EncodedPathFilter().doFilter(request, response, new MockFilterChain());
    return response;
  }

  @Test
  void anEncodedLetterDigitOrUnreservedMarkIsRefused() throws Exception {
    for (String uri : new String[]{"/%65ngine-rest/task", "/%61pi/cycles", "/engine-rest/%74ask", "/api/x%2Dy",
        "/api/%5F", "/api/%7e", "/api/%30", "/camunda/%4Bpp", "/api/%5a"}) {
      MockHttpServletResponse response = get(uri);
      assertThat(response.getStatus()).as(uri).isEqualTo(400);
      assertThat(response.getContentAsString()).as(uri).contains("percent-encoded");
    }
  }

  @Test
  void otherEscapesAndPlainPathsPass() throws Exception {
    for (String uri : new String[]{"/engine-rest/task", "/api/reference/%3Cscript%3E", "/api/%20x", "/api/%24%7B1%7D",
        "/api/%40", "/api/%5B", "/api/%60", "/api/%7B", "/api/%2F"}) {
      assertThat(get(uri).getStatus()).as(uri).isEqualTo(200);
    }
  }
}
