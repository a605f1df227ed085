package dev.holdfast.agreement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A due reminder: a former employee's post-departure term that ends soon.
 */
record ReminderView(long id, long employeeId, String employeeName, long versionId, String titleZh, String titleEn,
		String kind, LocalDate endsOn, Instant createdAt) {
}
