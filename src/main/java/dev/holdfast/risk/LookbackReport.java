package dev.holdfast.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The 90 days before a resignation (or before now) against the employee's baseline (the
 * 30 days before those 90) and their peers over the same 90 days.
 *
 * @param kept whether this is the report kept when the employee started their notice
 * period, rather than one computed now
 */
public record LookbackReport(long employeeId, String displayName, Instant from, Instant until, boolean kept,
		List<Line> indicators) {

	/**
	 * One indicator, per day: the employee's average over the 90 days, their baseline,
	 * their peers', the busiest day and how many days were at least three times what was
	 * expected.
	 */
	public record Line(String indicator, double total, double perDay, double baselinePerDay, double peersPerDay,
			LocalDate peakDay, double peak, int unusualDays) {
	}

}
