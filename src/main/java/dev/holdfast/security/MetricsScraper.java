package dev.holdfast.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The credentials a Prometheus server scrapes {@code /actuator/prometheus} with (HTTP
 * basic). Without a password nobody can read the metrics: they name routes, users' counts
 * and the build, which an outsider has no business knowing.
 *
 * @param username the scraper's user name
 * @param password its password ({@code HOLDFAST_METRICS_PASSWORD}), at least 16
 * characters; unset closes the metrics
 */
@ConfigurationProperties("holdfast.security.metrics")
record MetricsScraper(@DefaultValue("prometheus") String username, String password) {

	static final String ROLE = "METRICS_SCRAPER";

	static final int MIN_PASSWORD_LENGTH = 16;

	MetricsScraper {
		if (password != null && !password.isBlank() && password.length() < MIN_PASSWORD_LENGTH) {
			throw new IllegalStateException("holdfast.security.metrics.password (HOLDFAST_METRICS_PASSWORD) must have "
					+ "at least " + MIN_PASSWORD_LENGTH + " characters");
		}
	}

	AuthenticationManager authenticationManager() {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
		if (this.password != null && !this.password.isBlank()) {
			UserDetails scraper = User.withUsername(this.username)
				.password(encoder.encode(this.password))
				.roles(ROLE)
				.build();
			users.createUser(scraper);
		}
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		return new ProviderManager(provider);
	}

	@Override
	public String toString() {
		return "MetricsScraper[username=" + this.username + "]";
	}

}
