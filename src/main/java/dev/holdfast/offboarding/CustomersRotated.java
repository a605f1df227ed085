package dev.holdfast.offboarding;

import java.util.List;

/**
 * One chunk of a rotation (轮岗) committed: these key (A/B) customers have a new rep. Care
 * schedules a care visit to each after the commit, as after a handover; the source
 * ({@code rotation:N}) makes a redelivery schedule nothing twice.
 */
public record CustomersRotated(long rotationId, String source, List<CustomersHandedOver.KeyCustomer> keyCustomers) {

	static String sourceOf(long rotationId) {
		return "rotation:" + rotationId;
	}

}
