package dev.holdfast.security;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The two-factor policy: holders of a {@code requiredRoles} role must enrol a second
 * factor before they can use Holdfast (until then their session reaches only the
 * enrolment page and the API gives them no token); everyone else may enrol.
 *
 * @param enforced whether the required roles are enforced at all
 * @param requiredRoles role codes that must have a second factor
 * @param issuer the name authenticator apps show
 * @param recoveryCodes how many one-time recovery codes an enrolment gives
 */
@ConfigurationProperties("holdfast.security.two-factor")
record TwoFactorProperties(@DefaultValue("true") boolean enforced, @DefaultValue( {
		"ADMIN", "HR", "AUDITOR", "SALES_MANAGER" }) Set<String> requiredRoles, @DefaultValue("Holdfast") String issuer,
		@DefaultValue("10") int recoveryCodes){

	boolean requiredFor(java.util.Collection<String> roles) {
		return this.enforced && roles.stream().anyMatch(this.requiredRoles::contains);
	}

}
