package dev.holdfast.agreement;

import java.time.Instant;

/**
 * One employee who must accept a version: accepted (when, from where) or pending.
 */
record AcceptanceRow(long employeeId, String username, String displayName, Long departmentId, String departmentName,
		Instant acceptedAt, String ip) {

	public boolean accepted() {
		return this.acceptedAt != null;
	}

}
