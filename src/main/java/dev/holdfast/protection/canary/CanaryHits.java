package dev.holdfast.protection.canary;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;
import dev.holdfast.protection.CanaryHit;

/**
 * A canary phone or e-mail was contacted from outside: an audit event and a
 * {@link CanaryHit} naming whose canary it was (the requester of the export it was in, or
 * the salesperson a personal canary was made for), on which risk raises the critical
 * alert after the commit.
 */
@Service
class CanaryHits {

	/** {@code phone} or {@code email} of the canary, and where the contact came from. */
	record CanaryHitForm(String phone, String email, String source) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	CanaryHits(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.audit = audit;
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
		String channel = phone != null && !phone.isEmpty() ? "phone" : "email";
		String hit = UUID.randomUUID().toString();
		String target = export ? "export" : "customer";
		long targetId = ((Number) canary.get("target")).longValue();
		this.events.publishEvent(new CanaryHit(hit, export ? "export" : "personal",
				((Number) canary.get("id")).longValue(), target, targetId, employee, channel));
		this.audit.record(AuditAction.CANARY_HIT, target, targetId,
				Map.of("hit", hit, "employeeId", employee, "channel", channel));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("hit", hit);
		answer.put("severity", "CRITICAL");
		answer.put("exportId", export ? canary.get("target") : null);
		answer.put("personalCanary", !export);
		answer.put("employeeId", employee);
		answer.put("employeeName", canary.get("display_name"));
		return answer;
	}

}
