package dev.holdfast.protection.canary;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.risk.CanaryAlerts;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;
import dev.holdfast.protection.CanaryHit;

/**
 * A canary phone or e-mail was contacted from outside: a critical risk alert naming whose
 * canary it was (the requester of the export it was in, or the salesperson a personal
 * canary was made for), and an audit event.
 */
@Service
class CanaryHits {

	/** {@code phone} or {@code email} of the canary, and where the contact came from. */
	record CanaryHitForm(String phone, String email, String source) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final CanaryAlerts alerts;

	private final ApplicationEventPublisher events;

	CanaryHits(JdbcClient jdbc, AuditTrail audit, CanaryAlerts alerts, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.audit = audit;
		this.alerts = alerts;
	}

	@Transactional
	Map<String, Object> record(CanaryHitForm form) {
		Permission.LEAK_TRACE.require();
		String phone = form.phone() == null ? null
				: form.phone().replaceAll("[^\\d]", "").replaceFirst("^86(?=1\\d{10}$)", "");
		String email = form.email() == null ? null : form.email().strip().toLowerCase(Locale.ROOT);
		if ((phone == null || phone.isEmpty()) && (email == null || email.isEmpty())) {
			throw new InvalidInputException("phone", "give the canary's phone or e-mail");
		}
		Map<String, Object> canary = this.jdbc.sql("""
				select 'export' as kind, c.id, c.export_id as target, x.requester_id as employee_id, e.display_name
				from export_canary c
				join export_request x on x.id = c.export_id join employee_directory e on e.id = x.requester_id
				where c.phone_normalized = :phone or c.email = :email
				union all
				select 'personal', p.id, p.customer_id, p.employee_id, e.display_name
				from personal_canary p join employee_directory e on e.id = p.employee_id
				where p.phone_normalized = :phone or p.email = :email""")
			.param("phone", phone == null ? "" : phone)
			.param("email", email == null ? "" : email)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("canary"));
		boolean export = "export".equals(canary.get("kind"));
		long employee = ((Number) canary.get("employee_id")).longValue();
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("canary", export ? "export" : "personal");
		facts.put("canaryId", canary.get("id"));
		facts.put(export ? "exportId" : "customerId", canary.get("target"));
		facts.put("channel", phone != null && !phone.isEmpty() ? "phone" : "email");
		facts.put("source", form.source() == null ? "" : form.source().strip());
		// a call, not an event: the reporter is answered with the alert, raised in this
		// transaction
		long alert = this.alerts.raise(employee, facts);
		this.events.publishEvent(
				new CanaryHit(export ? "export" : "personal", employee, alert, (String) facts.get("channel")));
		this.audit.record(AuditAction.CANARY_HIT, export ? "export" : "customer", canary.get("target"),
				Map.of("alertId", alert, "employeeId", employee, "channel", facts.get("channel")));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("alertId", alert);
		answer.put("severity", "CRITICAL");
		answer.put("exportId", export ? canary.get("target") : null);
		answer.put("personalCanary", !export);
		answer.put("employeeId", employee);
		answer.put("employeeName", canary.get("display_name"));
		return answer;
	}

}
