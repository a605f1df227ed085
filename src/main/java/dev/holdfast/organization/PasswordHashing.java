package dev.holdfast.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code holdfast.security.password-hashing.bcrypt-strength}: the bcrypt cost of new
 * password hashes (log2 of the rounds, 10 by default, as Spring Security's). Each hash
 * records its own cost, so a changed cost applies to passwords set from then on and every
 * stored hash still verifies. The tests lower it (each log-in and each new employee of
 * the suite hashes once); production keeps the default.
 */
@ConfigurationProperties("holdfast.security.password-hashing")
record PasswordHashing(@DefaultValue("10") int bcryptStrength) {

	static final int PRODUCTION_STRENGTH = 10;

	PasswordHashing {
		if (bcryptStrength < 4 || bcryptStrength > 31) {
			throw new IllegalArgumentException(
					"holdfast.security.password-hashing.bcrypt-strength must be 4 to 31, not " + bcryptStrength);
		}
	}

}
