package dev.holdfast.care;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Care coverage of key customers the caller may see: of {@code keyCustomers} (levels
 * {@code levels}, with an owner, not archived), {@code uncovered} have had no company
 * contact besides their rep in the last {@code days} days: no completed care visit and no
 * substantive follow-up by anyone but the current owner. {@code customers} lists them (at
 * most 500, longest without contact first; empty for a summary).
 */
public record CoverageReport(int days, Set<String> levels, Long departmentId, long keyCustomers, long uncovered,
		List<Row> customers) {

	/** A key customer at risk of walking out with its rep. */
	public record Row(long customerId, String name, String level, long ownerId, String ownerName,
			Instant lastCareVisitAt, Instant lastOtherContactAt) {
	}

	/** The share of key customers with company contact, 0–100 (100 without any). */
	public int coveredPercent() {
		return this.keyCustomers == 0 ? 100
				: (int) Math.floor(100.0 * (this.keyCustomers - this.uncovered) / this.keyCustomers);
	}

}
