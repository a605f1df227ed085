package dev.holdfast.risk;

import java.util.List;
import java.util.Set;

/**
 * The risk page: employees the caller watches with their score and a day of activity
 * against their baseline, and the open alerts.
 */
public record RiskDashboard(List<Row> employees, List<AlertView> alerts) {

	/** One watched employee. */
	public record Row(long employeeId, String displayName, boolean leaving, double score, String severity,
			Set<String> suspended, ActivityChart chart) {
	}

}
