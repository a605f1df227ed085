package dev.holdfast.risk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.protection.CanaryHit;

/**
 * A canary was hit: an export's canary contacted from outside, a personal canary found in
 * a leak or revealed by its own employee. There is nothing to compare with a baseline, so
 * it is a critical risk alert at once ({@code CANARY_HIT}), in the same list, to the same
 * recipients and with the same suspension as any other critical alert. A second hit while
 * the alert is open counts on that alert. Raised on protection's {@link CanaryHit}, after
 * the hit committed; a redelivered hit (same {@link CanaryHit#hit()}) counts once.
 */
@Component
class CanaryAlerts {

	/** Far above the critical score: a canary has no innocent explanation. */
	private static final int SCORE = 100;

	private final JdbcClient jdbc;

	private final RiskAlerts alerts;

	private final RiskSuspensions suspensions;

	private final Collaborators with;

	private final ObjectMapper json;

	CanaryAlerts(JdbcClient jdbc, RiskAlerts alerts, RiskSuspensions suspensions, Collaborators with,
			ObjectMapper json) {
		this.jdbc = jdbc;
		this.alerts = alerts;
		this.suspensions = suspensions;
		this.with = with;
		this.json = json;
	}

	@ApplicationModuleListener
	void on(CanaryHit hit) {
		if (counted(hit)) {
			return;
		}
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("canary", hit.canary());
		facts.put("canaryId", hit.canaryId());
		facts.put("export".equals(hit.target()) ? "exportId" : "customerId", hit.targetId());
		facts.put("channel", hit.channel());
		facts.put("hits", List.of(hit.hit()));
		raise(hit.employeeId(), facts);
	}

	private boolean counted(CanaryHit hit) {
		return this.jdbc.sql("""
				select count(*) from risk_alert
				where employee_id = :employee and indicator = 'CANARY_HIT'
				      and details -> 'hits' @> jsonb_build_array(cast(:hit as text))""")
			.param("employee", hit.employeeId())
			.param("hit", hit.hit())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Raises (or counts on the open) {@code CANARY_HIT} alert about the employee.
	 * {@code facts} say which canary and how, never a real person's data; their
	 * {@code hits} (the hits' ids) add to those of the open alert.
	 */
	void raise(long employeeId, Map<String, ?> facts) {
		RiskAlerts.Raised raised = this.jdbc.sql("""
				insert into risk_alert as a (employee_id, indicator, severity, score, observed, expected, details)
				values (:employee, 'CANARY_HIT', 'CRITICAL', :score, 1, 0, cast(:details as jsonb))
				on conflict (employee_id, indicator) where status = 'OPEN' do update
				set observed = a.observed + 1, updated_at = now(),
				    details = excluded.details || jsonb_build_object('hits',
				        coalesce(a.details -> 'hits', '[]'::jsonb) || coalesce(excluded.details -> 'hits', '[]'::jsonb))
				returning id, (xmax = 0) as inserted""")
			.param("employee", employeeId)
			.param("score", SCORE)
			.param("details", this.json.writeValueAsString(facts))
			.query((rs, n) -> new RiskAlerts.Raised(rs.getLong("id"), rs.getBoolean("inserted")))
			.single();
		this.alerts.announce(employeeId, raised,
				Map.of("indicator", "CANARY_HIT", "severity", "CRITICAL", "score", SCORE));
		if (this.with.properties().suspend()
				&& this.suspensions.suspend(employeeId, this.with.properties().suspended(), raised.id())) {
			this.with.audit()
				.record(AuditAction.RISK_SUSPENDED, "employee", employeeId,
						Map.of("alert", raised.id(), "permissions", this.with.properties().suspended()));
		}
	}

}
