package org.hldprep.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is to HLD Prep: the Camunda user id and the groups its work is routed by. */
@RestController
public class MeController {

  @GetMapping("/api/me")
  public Me me(Authentication authentication) {
    return new Me(authentication.getName(),
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
  }

  public record Me(String userId, List<String> groups) {
  }
}
