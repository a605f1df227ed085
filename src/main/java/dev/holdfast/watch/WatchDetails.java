package dev.holdfast.watch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.holdfast.customer.CustomerLevel;

/**
 * A former employee's watch: their former customers and the signals, grouped by the
 * customers' current owners; the canary hits apart (no real customer).
 *
 * @param endedAt when the watch ended with its term, null while it runs
 */
public record WatchDetails(long employeeId, String displayName, LocalDate lastWorkingDay, LocalDate endsOn,
		WatchStatus status, Instant endedAt, List<OwnerGroup> owners, List<PostDepartureSignal> canaryHits) {

	/**
	 * The former customers one employee owns now.
	 *
	 * @param ownerId null for customers in a public pool
	 */
	public record OwnerGroup(Long ownerId, String ownerName, List<FormerCustomer> customers) {
	}

	/**
	 * A former customer with its signals, newest first.
	 *
	 * @param name as the caller may see it, else {@code #<id>}
	 * @param visible whether the caller may see the customer (its page is linked)
	 * @param level its level, for a caller who may see it (else null)
	 */
	public record FormerCustomer(long customerId, String name, boolean visible, CustomerLevel level,
			List<PostDepartureSignal> signals) {
	}

}
