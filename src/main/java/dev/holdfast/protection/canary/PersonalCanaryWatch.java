package dev.holdfast.protection.canary;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.PersonalCanaryRevealed;
import dev.holdfast.protection.CanaryHit;

/**
 * An employee revealed their own personal canary's contact data: a {@link CanaryHit},
 * published after the reveal committed (the reveal itself looks like any other), on which
 * risk raises the alert.
 */
@Component
class PersonalCanaryWatch {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	PersonalCanaryWatch(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(PersonalCanaryRevealed revealed) {
		// stored with this listener's completion: a reveal redelivered after a failure
		// publishes no second hit, as the failed attempt's publication rolled back with
		// it
		long canary = this.jdbc.sql("select id from personal_canary where customer_id = ?")
			.param(revealed.customerId())
			.query(Long.class)
			.optional()
			.orElse(0L);
		this.events.publishEvent(new CanaryHit(UUID.randomUUID().toString(), "personal", canary, "customer",
				revealed.customerId(), revealed.employeeId(), "reveal"));
	}

}
