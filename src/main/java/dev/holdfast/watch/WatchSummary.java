package dev.holdfast.watch;

import java.time.LocalDate;

/**
 * A former employee's watch in the list: when they left, when the watch ends, how many
 * former customers it watches and how many signals it recorded.
 */
public record WatchSummary(long employeeId, String displayName, LocalDate lastWorkingDay, LocalDate endsOn,
		WatchStatus status, int customers, int signals) {
}
