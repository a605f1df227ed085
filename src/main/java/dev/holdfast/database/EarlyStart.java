package dev.holdfast.database;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Issue 14, item 9 (start-up): starts the embedded PostgreSQL as soon as the
 * configuration is read, on a thread of its own, rather than when the application context
 * reaches the data source, so that the server starts (and its binaries are checked) while
 * the context parses its classes and makes its first beans;
 * {@code EmbeddedPostgresServer}'s bean then takes the running server over. Added by
 * {@code HoldfastApplication.main} only (not by tests or the backup command);
 * {@code holdfast.embedded-postgres.start-early=false} turns it off.
 */
public class EarlyStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		// the same condition as EmbeddedPostgresConfiguration's
		if (environment.getProperty("spring.datasource.url", "").isEmpty()
				&& environment.getProperty("holdfast.embedded-postgres.start-early", Boolean.class, true)) {
			EmbeddedPostgresServer.startEarly(Binder.get(environment)
				.bindOrCreate("holdfast.embedded-postgres", EmbeddedPostgresProperties.class));
		}
	}

	/** After the configuration files have been read (Boot's listeners come first). */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
