package dev.holdfast.risk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The post-departure watch saw signals cluster among a former employee's customers: a
 * risk alert ({@code POST_DEPARTURE_SIGNALS}, a warning) about the former employee, in
 * the same list and to the same recipients (their managers up the line, whoever reads
 * risk) as any other. No suspension: the person has left. While the alert is open a
 * second cluster counts on it ({@code observed} is the latest count of customers).
 */
@Service
public class PostDepartureAlerts {

	static final String INDICATOR = "POST_DEPARTURE_SIGNALS";

	private final JdbcClient jdbc;

	private final RiskAlerts alerts;

	private final ObjectMapper json;

	PostDepartureAlerts(JdbcClient jdbc, RiskAlerts alerts, ObjectMapper json) {
		this.jdbc = jdbc;
		this.alerts = alerts;
		this.json = json;
	}

	/**
	 * Raises (or counts on the open) alert about the former employee: {@code customers}
	 * of their former customers had a signal within the window, {@code threshold} is the
	 * count that makes a cluster. Returns the alert's id.
	 */
	@Transactional
	public long raise(long employeeId, int customers, int threshold, int windowDays, Instant now) {
		Map<String, Object> facts = Map.of("customers", customers, "windowDays", windowDays);
		RiskAlerts.Raised raised = this.jdbc.sql("""
				insert into risk_alert as a (employee_id, indicator, severity, score, observed, expected, details,
				                             created_at, updated_at)
				values (:employee, :indicator, 'WARNING', :score, :observed, :expected, cast(:details as jsonb), :now,
				        :now)
				on conflict (employee_id, indicator) where status = 'OPEN' do update
				set observed = excluded.observed, score = excluded.score, updated_at = excluded.updated_at,
				    details = excluded.details
				returning id, (xmax = 0) as inserted""")
			.param("employee", employeeId)
			.param("indicator", INDICATOR)
			.param("score", RiskScoring.round((double) customers / threshold))
			.param("observed", customers)
			.param("expected", threshold)
			.param("details", this.json.writeValueAsString(facts))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new RiskAlerts.Raised(rs.getLong("id"), rs.getBoolean("inserted")))
			.single();
		this.alerts.announce(employeeId, raised,
				Map.of("indicator", INDICATOR, "severity", "WARNING", "customers", customers));
		return raised.id();
	}

}
