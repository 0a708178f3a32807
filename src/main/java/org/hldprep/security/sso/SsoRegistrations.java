package org.hldprep.security.sso;

import org.hldprep.platform.settings.HldPrepProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * HLD Prep's one client at the provider, read from the provider's discovery document at the first sign-in
 * (not at start-up: HLD Prep starts while the provider is down) and kept.
 */
final class SsoRegistrations implements ClientRegistrationRepository {

  static final String ID = "hld-prep";

  private final HldPrepProperties.Sso settings;
  private volatile ClientRegistration registration;

  SsoRegistrations(HldPrepProperties.Sso settings) {
    this.settings = settings;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (!ID.equals(registrationId)) {
      return null;
    }
    ClientRegistration known = registration;
    if (known == null) {
      known = ClientRegistrations.fromIssuerLocation(settings.issuer().uri())
          .registrationId(ID)
          .clientId(settings.client().id())
          .clientSecret(settings.client().secret())
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
          .redirectUri("{baseUrl}" + SsoPages.CALLBACK)
          .scope("openid", "profile", "email")
          // the principal's name only; HLD Prep reads its user id itself (SsoIdentities)
          .userNameAttributeName("sub")
          .build();
      registration = known;
    }
    return known;
  }
}
