package dev.holdfast.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the manager dashboard shows, for one period and department: every series is per
 * week (Mondays in {@code weeks}) or per rep.
 *
 * @param followUps follow-ups recorded per rep and week
 * @param pool customers returned to the pool and taken from it, per week
 * @param overdue customers overdue now, per owner and level, by the follow-up module's
 * one rule ({@code OverdueCustomers})
 * @param care key customers with and without company contact besides their owner
 */
public record DashboardReport(LocalDate from, LocalDate to, Long departmentId, List<LocalDate> weeks,
		List<RepWeeks> followUps, PoolWeeks pool, List<Overdue> overdue, CareCoverage care) {

	/** One rep's follow-ups per week. */
	public record RepWeeks(long employeeId, String name, List<Long> perWeek, long total) {
	}

	/**
	 * @param returned POOL_RETURN moves
	 * @param claimed CLAIM moves
	 * @param assigned POOL_ASSIGN moves
	 */
	public record PoolWeeks(List<Long> returned, List<Long> claimed, List<Long> assigned) {
	}

	/** One owner's customers past their rhythm, per level. */
	public record Overdue(long employeeId, String name, Map<String, Long> byLevel, long total) {
	}

	/** One owner's key customers, covered or not. */
	public record CareRow(long employeeId, String name, long covered, long uncovered) {
	}

	/**
	 * @param windowDays the days within which a contact counts
	 * @param levels the levels of key customers
	 */
	public record CareCoverage(long windowDays, List<String> levels, long covered, long uncovered, List<CareRow> reps) {
	}

}
