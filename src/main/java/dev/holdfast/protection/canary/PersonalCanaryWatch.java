package dev.holdfast.protection.canary;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.PersonalCanaryRevealed;
import dev.holdfast.risk.CanaryAlerts;
import dev.holdfast.protection.CanaryHit;

/**
 * An employee revealed their own personal canary's contact data: a canary hit, raised as
 * a risk alert after the reveal committed (the reveal itself looks like any other).
 */
@Component
class PersonalCanaryWatch {

	private final CanaryAlerts alerts;

	private final ApplicationEventPublisher events;

	PersonalCanaryWatch(CanaryAlerts alerts, ApplicationEventPublisher events) {
		this.alerts = alerts;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(PersonalCanaryRevealed revealed) {
		long alert = this.alerts.raise(revealed.employeeId(), Map.of("canary", "personal", "customerId",
				revealed.customerId(), "channel", "reveal", "field", revealed.field()));
		this.events.publishEvent(new CanaryHit("personal", revealed.employeeId(), alert, "reveal"));
	}

}
