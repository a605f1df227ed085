package dev.holdfast.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.shared.Permission;

/**
 * What the risk module knows of one employee, for the evidence package (holders of
 * {@code evidence.build}): the 90-day look-back (the one kept when they started serving
 * notice, else computed now) with its daily amounts for a chart, every alert about them
 * and every suspension, lifted or not.
 */
@Service
public class RiskEvidence {

	private final Lookbacks lookbacks;

	private final IndicatorActivity activity;

	private final RiskAlerts alerts;

	private final JdbcClient jdbc;

	RiskEvidence(Lookbacks lookbacks, IndicatorActivity activity, RiskAlerts alerts, JdbcClient jdbc) {
		this.lookbacks = lookbacks;
		this.activity = activity;
		this.alerts = alerts;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Evidence of(long employeeId) {
		Permission.EVIDENCE_BUILD.require();
		LookbackReport lookback = this.lookbacks.reportOf(employeeId);
		Map<LocalDate, double[]> daily = this.activity.daily(employeeId, lookback.from(), lookback.until());
		List<Day> days = daily.entrySet()
			.stream()
			.map(d -> new Day(d.getKey(), amount(d.getValue(), Indicator.DETAIL_VIEWS),
					amount(d.getValue(), Indicator.LIST_PAGES), amount(d.getValue(), Indicator.REVEALS),
					amount(d.getValue(), Indicator.EXPORTS)))
			.toList();
		List<Suspension> suspensions = this.jdbc.sql("""
				select s.created_at, array_to_string(s.permissions, ', ') as permissions, s.alert_id, s.lifted_at,
				       e.display_name as lifted_by
				from risk_suspension s left join employee_directory e on e.id = s.lifted_by
				where s.employee_id = ? order by s.created_at, s.id""")
			.param(employeeId)
			.query((rs, n) -> new Suspension(rs.getTimestamp("created_at").toInstant(), rs.getString("permissions"),
					(Long) rs.getObject("alert_id"),
					rs.getTimestamp("lifted_at") == null ? null : rs.getTimestamp("lifted_at").toInstant(),
					rs.getString("lifted_by")))
			.list();
		return new Evidence(lookback, days, this.alerts.ofEmployee(employeeId), suspensions);
	}

	private static double amount(double[] amounts, Indicator indicator) {
		return amounts[indicator.ordinal()];
	}

	/**
	 * @param days the look-back's days with any activity, oldest first
	 */
	public record Evidence(LookbackReport lookback, List<Day> days, List<AlertView> alerts,
			List<Suspension> suspensions) {
	}

	/** One day of the look-back: customer records read, list pages, reveals, exports. */
	public record Day(LocalDate day, double detailViews, double listPages, double reveals, double exports) {
	}

	/**
	 * A suspension of reveals and exports: since when, what, after which alert, lifted.
	 */
	public record Suspension(Instant since, String permissions, Long alertId, Instant liftedAt, String liftedBy) {
	}

}
