package dev.holdfast.offboarding;

import java.util.List;

/**
 * One chunk of a handover committed: these key (A/B) customers have a new owner. Care
 * schedules a care visit to each after the commit; the publication is stored with the
 * chunk, so a crash between the two loses no visit. Published per chunk rather than per
 * run because a run that crashes half-way is finished by another run, which knows only
 * its own chunks.
 *
 * @param source what the care visits are scheduled for ({@code offboarding case N}), the
 * same for every chunk of the case, so a redelivery schedules nothing twice
 */
public record CustomersHandedOver(long caseId, String source, List<KeyCustomer> keyCustomers) {

	/** A key customer and its new owner. */
	public record KeyCustomer(long customerId, long newOwnerId) {
	}

}
