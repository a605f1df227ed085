package dev.holdfast.care;

import java.time.Instant;
import java.util.List;

/**
 * A complaint with its history of status changes (oldest first) and the statuses it may
 * move to next.
 */
public record ComplaintView(long id, long customerId, String customerName, String summary, String details,
		String severity, String channel, ComplaintStatus status, Instant createdAt, long createdBy,
		String createdByName, Instant updatedAt, Instant closedAt, List<Transition> history,
		List<ComplaintStatus> next) {

	/** One change of status: who, when, from what to what, and why. */
	public record Transition(ComplaintStatus from, ComplaintStatus to, String note, Instant at, long byId,
			String byName) {
	}

}
