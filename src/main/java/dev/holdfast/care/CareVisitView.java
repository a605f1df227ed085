package dev.holdfast.care;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A care visit as customer service and the customer page show it.
 */
public record CareVisitView(long id, long customerId, String customerName, String reason, Long newOwnerId,
		String newOwnerName, Long assigneeId, String assigneeName, LocalDate dueOn, String status, Boolean reached,
		String outcome, Integer satisfaction, Instant completedAt, Long completedBy, String completedByName,
		Instant createdAt) {

	public boolean overdue() {
		return "OPEN".equals(this.status) && this.dueOn.isBefore(LocalDate.now());
	}

}
