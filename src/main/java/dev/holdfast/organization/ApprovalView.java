package dev.holdfast.organization;

import java.time.Instant;
import java.util.Map;

/**
 * A request for a second administrator's approval, as approvers see it: what is asked,
 * for whom, by whom, and the facts of the change (never a password).
 *
 * @param employeeId the employee the act is about; for a new employee, set once approved
 * @param details facts for the approver, e.g. the roles before and after
 * @param mine whether the caller asked for it (and so may not approve it)
 */
public record ApprovalView(long id, String action, Long employeeId, String employeeName, long requestedBy,
		String requesterName, Instant requestedAt, String status, Long decidedBy, String deciderName, Instant decidedAt,
		String note, Map<String, String> details, boolean mine) {

	public boolean pending() {
		return "PENDING".equals(this.status);
	}

}
