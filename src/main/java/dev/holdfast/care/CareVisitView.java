package dev.holdfast.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A care visit as customer service and the customer page show it. Every visit is made on
 * behalf of the company ({@code onBehalfOf} is always {@code COMPANY}): the visitor is
 * staff, never the customer's rep. A visit after a handover or rotation that a later
 * ownership change made moot is {@code SUPERSEDED}, {@code supersededBy} the visit that
 * names the customer's current owner.
 */
public record CareVisitView(long id, long customerId, String customerName, String reason, Long newOwnerId,
		String newOwnerName, Long assigneeId, String assigneeName, LocalDate dueOn, String status, Boolean reached,
		String outcome, Integer satisfaction, List<String> actions, String note, Long complaintId, Instant completedAt,
		Long completedBy, String completedByName, Instant createdAt, String onBehalfOf, Long supersededBy) {

	/** Whether the visit is open past its due day, {@code today} being the company's. */
	public boolean overdue(LocalDate today) {
		return "OPEN".equals(this.status) && this.dueOn.isBefore(today);
	}

	/** The same visit with the employees' display names filled in. */
	CareVisitView named(Map<Long, String> names) {
		return new CareVisitView(this.id, this.customerId, this.customerName, this.reason, this.newOwnerId,
				names.get(this.newOwnerId), this.assigneeId, names.get(this.assigneeId), this.dueOn, this.status,
				this.reached, this.outcome, this.satisfaction, this.actions, this.note, this.complaintId,
				this.completedAt, this.completedBy, names.get(this.completedBy), this.createdAt, this.onBehalfOf,
				this.supersededBy);
	}

}
