package dev.holdfast.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/**
 * The provider's registration, from its discovery document, when single sign-on is
 * configured; without it Holdfast has password login only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${holdfast.sso.issuer-uri:}'.isBlank()")
class SsoConfiguration {

	@Bean
	ClientRegistrationRepository ssoRegistrations(SsoProperties sso) {
		ClientRegistration registration = ClientRegistrations.fromIssuerLocation(sso.issuerUri())
			.registrationId(SsoProperties.REGISTRATION)
			.clientId(sso.clientId())
			.clientSecret(sso.clientSecret())
			.scope(sso.scopes())
			// {baseUrl} is holdfast.base-url: the request it is expanded from is pinned
			// to it
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

}
