package dev.holdfast.security;

import org.springframework.context.ApplicationContext;

import dev.holdfast.ContextSwitch;
import dev.holdfast.SingleSignOnProvider;

/**
 * {@code holdfast.sso.local-login=false} for the tests of one class: an employee who has
 * logged in through the provider ({@link SingleSignOnProvider}) no longer logs in with a
 * password. Switched in the shared context and back after the class.
 */
public class NoPasswordAfterSingleSignOn extends ContextSwitch {

	@Override
	protected Runnable apply(ApplicationContext context) {
		SsoProperties sso = context.getBean(SsoProperties.class);
		if (!sso.enabled()) {
			throw new IllegalStateException("single sign-on is not configured in this context");
		}
		return replace(context, sso, new SsoProperties(sso.issuerUri(), sso.clientId(), sso.clientSecret(), sso.name(),
				false, sso.trustProviderMfa(), sso.scopes()));
	}

}
