package dev.holdfast.offboarding;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An offboarding case as stored.
 */
record OffboardingCase(long id, long employeeId, long managerId, CaseStatus status, LocalDate noticeDate,
		LocalDate lastWorkingDay, String reason, Instant createdAt, Long createdBy, Instant handoverStartedAt,
		Instant handoverFinishedAt, Instant departedAt, Long terminatedBy, String terminationReason, Instant closedAt,
		Long closedBy) {

	String source() {
		return "offboarding:" + this.id;
	}

	boolean open() {
		return this.status != CaseStatus.DEPARTED;
	}

	/**
	 * Closed after the departure, once the company's required checklist items were
	 * ticked.
	 */
	boolean closed() {
		return this.closedAt != null;
	}

}
