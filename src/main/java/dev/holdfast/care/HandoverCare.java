package dev.holdfast.care;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.holdfast.care.CareVisits.HandedOver;
import dev.holdfast.offboarding.CustomersHandedOver;
import dev.holdfast.offboarding.CustomersRotated;
import dev.holdfast.offboarding.HandoverVisits;

/**
 * Care's side of a handover: a care visit to each key customer a leaver handed over,
 * scheduled after the handover's chunk committed (asynchronously, from the event
 * publication registry: a failure is retried, and the visit's source makes a redelivery
 * schedule nothing twice), and the count of those visits for the case's checklist.
 */
@Component
class HandoverCare implements HandoverVisits {

	private final CareVisits visits;

	HandoverCare(CareVisits visits) {
		this.visits = visits;
	}

	@ApplicationModuleListener
	void on(CustomersHandedOver handedOver) {
		this.visits.scheduleAfterHandover(handedOver.source(),
				handedOver.keyCustomers().stream().map(c -> new HandedOver(c.customerId(), c.newOwnerId())).toList());
	}

	/**
	 * A rotation (轮岗) is a handover too: its key customers get a visit, whose reason
	 * ({@code ROTATION}, 轮岗后回访) says which.
	 */
	@ApplicationModuleListener
	void on(CustomersRotated rotated) {
		this.visits.scheduleAfterRotation(rotated.source(),
				rotated.keyCustomers().stream().map(c -> new HandedOver(c.customerId(), c.newOwnerId())).toList());
	}

	@Override
	public long scheduledFor(String source) {
		return this.visits.countFor(source);
	}

}
