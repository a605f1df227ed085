package dev.holdfast.offboarding;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A departed employee's latest offboarding case, for the post-departure watch: who left,
 * who ran the case (their manager then), the last working day and when the employment
 * ended.
 */
public record Departure(long caseId, long employeeId, long managerId, LocalDate lastWorkingDay, Instant departedAt) {
}
