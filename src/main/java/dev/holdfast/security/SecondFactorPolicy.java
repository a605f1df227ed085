package dev.holdfast.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Whether a caller must enrol a second factor before doing anything else: one of their
 * roles requires it and they have none. Asked by the gate on every request, by the token
 * endpoint and by the enrolment pages.
 */
@Component
class SecondFactorPolicy {

	private final TwoFactors twoFactors;

	private final TwoFactorProperties properties;

	SecondFactorPolicy(TwoFactors twoFactors, TwoFactorProperties properties) {
		this.twoFactors = twoFactors;
		this.properties = properties;
	}

	boolean mustEnrol(Authentication authentication, HoldfastUser user) {
		List<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring(5))
			.toList();
		return this.properties.requiredFor(roles) && !this.twoFactors.enrolled(user.employeeId());
	}

}
