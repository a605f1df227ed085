package dev.holdfast.security;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through an OpenID Connect provider (Keycloak, Authing, Okta, Entra ID,
 * …): on when {@code issuerUri} is set. Employees are matched by the provider's
 * {@code preferred_username}, else by e-mail.
 *
 * @param issuerUri the provider's issuer (its discovery document is read at start-up)
 * @param clientId the client id registered at the provider
 * @param clientSecret its secret
 * @param name what the login button says
 * @param localLogin whether employees who have logged in through the provider may still
 * log in with a password
 * @param trustProviderMfa whether a login through the provider counts as two-factor (the
 * provider enforces its own second factor)
 * @param scopes the scopes asked for
 */
@ConfigurationProperties("holdfast.sso")
record SsoProperties(String issuerUri, String clientId, String clientSecret, @DefaultValue("SSO") String name,
		@DefaultValue("true") boolean localLogin, @DefaultValue("true") boolean trustProviderMfa, @DefaultValue( {
				"openid", "profile", "email" }) Set<String> scopes){

	static final String REGISTRATION = "sso";

	boolean enabled() {
		return this.issuerUri != null && !this.issuerUri.isBlank();
	}

}
