package org.hldprep.security.sso;

import java.util.List;
import org.hldprep.platform.settings.HldPrepProperties;
import org.hldprep.security.sso.SsoIdentities.SsoIdentity;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Bearer tokens for {@code /api} and {@code /engine-rest}: a JWT signed by the provider's published keys,
 * from its issuer, within its validity (60 s of clock skew) and naming HLD Prep's audience; anything else is
 * a 401. The caller is the user name claim (a system's service account, e.g.
 * {@code service-account-hld-prep-integration}, or a person) with the groups of the group rule
 * ({@link SsoIdentities}): a system gets its rights as a person does, through its groups.
 */
final class SsoTokens {

  private static final List<String> CALLER_CLAIMS = List.of("client_id", "azp", "sub");

  private final HldPrepProperties.Sso settings;
  private final SsoIdentities identities;

  SsoTokens(HldPrepProperties.Sso settings, SsoIdentities identities) {
    this.settings = settings;
    this.identities = identities;
  }

  /** The provider's keys are fetched at the first token, so that HLD Prep starts while the provider is down. */
  JwtDecoder decoder() {
    return new SupplierJwtDecoder(() -> {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(settings.issuer().uri()).build();
      decoder.setJwtValidator(validator());
      return decoder;
    });
  }

  /** Issuer, validity (60 s of clock skew) and audience. */
  OAuth2TokenValidator<Jwt> validator() {
    String audience = settings.expectedAudience();
    return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.issuer().uri()),
        jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                "The token is not meant for HLD Prep: its audience (aud) does not name " + audience, null)));
  }

  AbstractAuthenticationToken authentication(Jwt jwt) {
    SsoIdentity identity = identities.of(jwt.getClaims());
    if (identities.isLocalAccount(identity.userId())) {
      throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token",
          "The token names a local administrator account of HLD Prep", null));
    }
    String caller = identity.userId();
    for (int i = 0; caller.isEmpty() && i < CALLER_CLAIMS.size(); i++) {
      String claim = jwt.getClaimAsString(CALLER_CLAIMS.get(i));
      caller = claim == null ? "" : claim;
    }
    return new JwtAuthenticationToken(jwt, identity.groups().stream().map(SimpleGrantedAuthority::new).toList(),
        caller);
  }
}
