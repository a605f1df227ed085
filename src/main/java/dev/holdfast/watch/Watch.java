package dev.holdfast.watch;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A former employee's post-departure watch.
 *
 * @param startedAt when the employment ended: signals count from then
 * @param endsOn the last day of the term: the watch ends when that day is over
 * @param digestMonth the month ({@code 2026-12}) whose digest the manager was last sent
 */
record Watch(long employeeId, Long caseId, Long managerId, LocalDate lastWorkingDay, LocalDate endsOn,
		Instant startedAt, WatchStatus status, Instant endedAt, Instant lastAlertAt, String digestMonth) {

	boolean active() {
		return this.status == WatchStatus.ACTIVE;
	}

}
