package dev.holdfast.offboarding;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An offboarding case as stored.
 */
record OffboardingCase(long id, long employeeId, long managerId, CaseStatus status, LocalDate noticeDate,
		LocalDate lastWorkingDay, String reason, Instant createdAt, Long createdBy, Instant handoverStartedAt,
		Instant handoverFinishedAt, Instant departedAt, Long terminatedBy, String terminationReason) {

	String source() {
		return "offboarding:" + this.id;
	}

	boolean open() {
		return this.status != CaseStatus.DEPARTED;
	}

}
