package dev.holdfast.organization;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	/**
	 * bcrypt today, with the algorithm recorded in each hash so it can be upgraded later;
	 * every other algorithm of Spring Security's default still verifies. No more hashes
	 * at once than processors ({@link BoundedPasswordEncoder}).
	 */
	@Bean
	PasswordEncoder passwordEncoder(PasswordHashing hashing) {
		return new BoundedPasswordEncoder(encoder(hashing), Runtime.getRuntime().availableProcessors());
	}

	static PasswordEncoder encoder(PasswordHashing hashing) {
		DelegatingPasswordEncoder defaults = (DelegatingPasswordEncoder) PasswordEncoderFactories
			.createDelegatingPasswordEncoder();
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(hashing.bcryptStrength());
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
		encoder.setDefaultPasswordEncoderForMatches(defaults);
		return encoder;
	}

}
