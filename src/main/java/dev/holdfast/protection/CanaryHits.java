package dev.holdfast.protection;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;

/**
 * A canary phone or e-mail was contacted from outside: a critical alert naming whose
 * export (and so whose hands) the canary was in, and an audit event. The alert is the
 * protection module's own minimal record; the risk module keeps the full alerting.
 */
@Service
class CanaryHits {

	/** {@code phone} or {@code email} of the canary, and where the contact came from. */
	record CanaryHitForm(String phone, String email, String source) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	CanaryHits(JdbcClient jdbc, AuditTrail audit) {
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
				select c.id, c.export_id, x.requester_id, e.display_name from export_canary c
				join export_request x on x.id = c.export_id join employee e on e.id = x.requester_id
				where c.phone_normalized = :phone or c.email = :email""")
			.param("phone", phone == null ? "" : phone)
			.param("email", email == null ? "" : email)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("canary"));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("canaryId", canary.get("id"));
		details.put("exportId", canary.get("export_id"));
		details.put("channel", phone != null && !phone.isEmpty() ? "phone" : "email");
		details.put("source", form.source() == null ? "" : form.source().strip());
		long alert = this.jdbc.sql("""
				insert into protection_alert (severity, kind, employee_id, details)
				values ('CRITICAL', 'CANARY_HIT', :employee, cast(:details as jsonb)) returning id""")
			.param("employee", canary.get("requester_id"))
			.param("details", tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(details))
			.query(Long.class)
			.single();
		this.audit.record("CANARY_HIT", "export", canary.get("export_id"),
				Map.of("alertId", alert, "employeeId", canary.get("requester_id"), "channel", details.get("channel")));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("alertId", alert);
		answer.put("severity", "CRITICAL");
		answer.put("exportId", canary.get("export_id"));
		answer.put("employeeId", canary.get("requester_id"));
		answer.put("employeeName", canary.get("display_name"));
		return answer;
	}

}
