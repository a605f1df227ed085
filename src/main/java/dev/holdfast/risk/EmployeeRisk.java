package dev.holdfast.risk;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An employee's risk now: the highest indicator score, each indicator against what is
 * expected of them, their alerts, and what is suspended.
 */
public record EmployeeRisk(long employeeId, String displayName, boolean leaving, double score, String severity,
		List<Score> indicators, List<AlertView> alerts, Set<String> suspended, Instant suspendedSince) {

	/** One indicator in its window (an hour or a day) against what is expected. */
	public record Score(String indicator, String window, double observed, double expected, double score) {
	}

}
