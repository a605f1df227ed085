package dev.holdfast.risk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;
import dev.holdfast.risk.RiskScoring.IndicatorScore;
import dev.holdfast.risk.RiskScoring.Severity;

/**
 * The alerts table: at most one open alert per employee and indicator (a unique index),
 * so evaluations running twice, or on two instances, raise its score instead of a second
 * alert.
 */
@Component
class RiskAlerts {

	private static final String SELECT = """
			select a.id, a.employee_id, e.display_name, a.indicator, a.severity, a.score, a.observed, a.expected,
			       a.status, a.created_at, a.updated_at, a.details::text as details
			from risk_alert a join employee_directory e on e.id = a.employee_id
			""";

	private final JdbcClient jdbc;

	private final AlertNotices notices;

	private final RiskSubjects subjects;

	private final Collaborators with;

	RiskAlerts(JdbcClient jdbc, AlertNotices notices, RiskSubjects subjects, Collaborators with) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.subjects = subjects;
		this.with = with;
	}

	/**
	 * Opens an alert, or raises the open one; empty if an open alert already says as
	 * much. Returns the alert's id and whether it is new.
	 */
	Optional<Raised> raise(long employeeId, IndicatorScore score, Severity severity, Instant now) {
		return this.jdbc.sql("""
				insert into risk_alert as a (employee_id, indicator, severity, score, observed, expected, created_at,
				                             updated_at)
				values (:employee, :indicator, :severity, :score, :observed, :expected, :now, :now)
				on conflict (employee_id, indicator) where status = 'OPEN' do update
				set score = excluded.score, severity = case when a.severity = 'CRITICAL' then 'CRITICAL'
				                                            else excluded.severity end,
				    observed = excluded.observed, expected = excluded.expected, updated_at = excluded.updated_at
				where excluded.score > a.score
				returning id, (xmax = 0) as inserted""")
			.param("employee", employeeId)
			.param("indicator", score.indicator().name())
			.param("severity", severity.name())
			.param("score", RiskScoring.round(score.score()))
			.param("observed", RiskScoring.round(score.observed()))
			.param("expected", RiskScoring.round(score.expected()))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Raised(rs.getLong("id"), rs.getBoolean("inserted")))
			.optional();
	}

	/**
	 * After an alert about the employee was opened or counted on: a new one gets its
	 * recipients (the employee's managers up the line and whoever reads risk, never the
	 * employee), each notified; either way {@code RISK_ALERT_RAISED} is recorded with the
	 * alert's id and {@code facts}.
	 */
	void announce(long employeeId, Raised raised, Map<String, Object> facts) {
		if (raised.inserted()) {
			addRecipients(raised.id(), RiskEvaluation.recipients(this.subjects.managers(employeeId),
					this.with.organization().activeHolders(Permission.RISK_READ, null), employeeId));
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("alert", raised.id());
		details.putAll(facts);
		this.with.audit().record(AuditAction.RISK_ALERT_RAISED, "employee", employeeId, details);
	}

	/** Adds the recipients; each new one is notified. */
	void addRecipients(long alertId, Collection<Long> employeeIds) {
		String severity = null;
		for (Long recipient : employeeIds) {
			int added = this.jdbc.sql("""
					insert into risk_alert_recipient (alert_id, employee_id) values (?, ?)
					on conflict do nothing""").params(alertId, recipient).update();
			if (added > 0) {
				severity = severity != null ? severity
						: this.jdbc.sql("select severity from risk_alert where id = ?")
							.param(alertId)
							.query(String.class)
							.single();
				this.notices.tell(recipient, alertId, severity);
			}
		}
	}

	List<AlertView> all(String status, int limit) {
		return this.jdbc.sql(SELECT + """
				where (cast(:status as text) is null or a.status = :status)
				order by a.updated_at desc, a.id desc limit :limit""")
			.param("status", status)
			.param("limit", limit)
			.query(AlertView.class)
			.list();
	}

	List<AlertView> forRecipient(long recipientId, String status, int limit) {
		return this.jdbc.sql(SELECT + """
				where a.id in (select r.alert_id from risk_alert_recipient r where r.employee_id = :recipient)
				  and (cast(:status as text) is null or a.status = :status)
				order by a.updated_at desc, a.id desc limit :limit""")
			.param("recipient", recipientId)
			.param("status", status)
			.param("limit", limit)
			.query(AlertView.class)
			.list();
	}

	List<AlertView> ofEmployee(long employeeId) {
		return this.jdbc.sql(SELECT + " where a.employee_id = ? order by a.updated_at desc, a.id desc limit 50")
			.param(employeeId)
			.query(AlertView.class)
			.list();
	}

	Optional<AlertView> find(long id) {
		return this.jdbc.sql(SELECT + " where a.id = ?").param(id).query(AlertView.class).optional();
	}

	boolean acknowledge(long id, long by) {
		return this.jdbc.sql("""
				update risk_alert set status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = now()
				where id = ? and status = 'OPEN'""").params(by, id).update() == 1;
	}

	record Raised(long id, boolean inserted) {
	}

}
