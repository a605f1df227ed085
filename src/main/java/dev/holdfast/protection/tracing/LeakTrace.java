package dev.holdfast.protection.tracing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;
import dev.holdfast.protection.export.ExportFingerprints;

/**
 * Traces a suspect file back to exports: canaries are matched exactly (in masked form,
 * {@code 139****1234}, only together with the canary's name), the rest by the keyed
 * hashes every export stored of its names, phones and e-mails, so deleted rows, reordered
 * columns or a pasted list still point to their source.
 */
@Service
class LeakTrace {

	private final JdbcClient jdbc;

	private final ExportFingerprints fingerprints;

	private final AuditTrail audit;

	LeakTrace(JdbcClient jdbc, ExportFingerprints fingerprints, AuditTrail audit) {
		this.jdbc = jdbc;
		this.fingerprints = fingerprints;
		this.audit = audit;
	}

	@Transactional
	LeakTraceReport trace(byte[] content) {
		Permission.LEAK_TRACE.require();
		Set<String> values = new TreeSet<>();
		LeakTraceInput.values(content)
			.stream()
			.map(ExportFingerprints::normalize)
			.filter(v -> v.length() >= 2)
			.forEach(values::add);
		Map<Long, List<String>> canaries = canaries(values);
		Set<String> hashes = new TreeSet<>();
		values.forEach(v -> this.fingerprints.hashOf(v).ifPresent(hashes::add));
		Map<Long, Integer> matched = this.fingerprints.matches(hashes);
		Set<Long> ids = new TreeSet<>(canaries.keySet());
		matched.forEach((id, count) -> {
			if (count >= 2) {
				ids.add(id);
			}
		});
		List<LeakTraceReport.Source> sources = new ArrayList<>();
		for (long id : ids) {
			List<String> found = canaries.getOrDefault(id, List.of());
			int count = matched.getOrDefault(id, 0);
			double confidence = found.isEmpty() ? Math.min(0.9, (double) count / Math.max(1, hashes.size()))
					: Math.min(0.99, 0.9 + 0.03 * found.size());
			sources.add(source(id, found, count, confidence));
		}
		sources.sort(Comparator.comparingDouble(LeakTraceReport.Source::confidence)
			.thenComparingInt(LeakTraceReport.Source::valuesMatched)
			.reversed());
		List<LeakTraceReport.Source> top = sources.subList(0, Math.min(20, sources.size()));
		this.audit.record(AuditAction.LEAK_TRACED, "export", top.isEmpty() ? null : top.get(0).exportId(), Map
			.of("values", values.size(), "exports", top.stream().map(LeakTraceReport.Source::exportId).toList()));
		List<LeakTraceReport.PersonalCanaryFound> personal = personalCanaries(values);
		return new LeakTraceReport(values.size(), top, employees(top, personal), personal);
	}

	private static List<LeakTraceReport.Employee> employees(List<LeakTraceReport.Source> sources,
			List<LeakTraceReport.PersonalCanaryFound> personal) {
		Map<Long, List<LeakTraceReport.Source>> byEmployee = new LinkedHashMap<>();
		sources.forEach(s -> byEmployee.computeIfAbsent(s.requesterId(), k -> new ArrayList<>()).add(s));
		List<LeakTraceReport.Employee> employees = new ArrayList<>();
		// a personal canary is seen by one person only: the surest name there is
		personal.stream()
			.filter(p -> employees.stream().noneMatch(e -> e.id() == p.employeeId()))
			.forEach(p -> employees.add(new LeakTraceReport.Employee(p.employeeId(), p.employeeName(),
					byEmployee.getOrDefault(p.employeeId(), List.of())
						.stream()
						.map(LeakTraceReport.Source::exportId)
						.toList(),
					0.99)));
		byEmployee.values()
			.stream()
			.filter(theirs -> employees.stream().noneMatch(e -> e.id() == theirs.get(0).requesterId()))
			.map(theirs -> new LeakTraceReport.Employee(theirs.get(0).requesterId(), theirs.get(0).requesterName(),
					theirs.stream().map(LeakTraceReport.Source::exportId).toList(), theirs.get(0).confidence()))
			.forEach(employees::add);
		return employees;
	}

	/**
	 * Personal canaries in the values: full phones and e-mails; masked ones only next to
	 * the canary's name, since a masked number looks like many real ones.
	 */
	private List<LeakTraceReport.PersonalCanaryFound> personalCanaries(Set<String> values) {
		return this.jdbc
			.sql("""
					select p.id, p.employee_id, e.display_name, p.customer_id, p.phone_normalized, p.email
					from personal_canary p join employee_directory e on e.id = p.employee_id join customer_directory c on c.id = p.customer_id
					where p.phone_normalized = any(:values) or p.email = any(:values)
					   or ((left(p.phone_normalized, 3) || '****' || right(p.phone_normalized, 4) = any(:values)
					        or left(p.email, 1) || '***' || substring(p.email from position('@' in p.email)) = any(:values))
					       and lower(replace(c.name, ' ', '')) = any(:values))
					order by p.id""")
			.param("values", values.toArray(String[]::new))
			.query((rs, n) -> new LeakTraceReport.PersonalCanaryFound(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getLong(4), rs.getString(5) + " / " + rs.getString(6)))
			.list();
	}

	/**
	 * Canaries in the values, by export: full phones and e-mails; masked ones only next
	 * to the canary's customer or contact name, since canary numbers and domains look
	 * ordinary and a masked one matches many real ones.
	 */
	private Map<Long, List<String>> canaries(Set<String> values) {
		Map<Long, List<String>> found = new HashMap<>();
		this.jdbc.sql("""
				select export_id, phone_normalized, email from export_canary
				where phone_normalized = any(:values) or email = any(:values)
				   or ((left(phone_normalized, 3) || '****' || right(phone_normalized, 4) = any(:values)
				        or left(email, 1) || '***' || substring(email from position('@' in email)) = any(:values))
				       and (lower(replace(customer_name, ' ', '')) = any(:values)
				            or lower(replace(contact_name, ' ', '')) = any(:values)))""")
			.param("values", values.toArray(String[]::new))
			.query((rs, n) -> found.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(rs.getString(2) + " / " + rs.getString(3)))
			.list();
		return found;
	}

	private LeakTraceReport.Source source(long id, List<String> canaries, int matched, double confidence) {
		return this.jdbc.sql("""
				select x.requester_id, e.display_name, x.created_at
				from export_request x join employee_directory e on e.id = x.requester_id where x.id = :id""")
			.param("id", id)
			.query((rs, n) -> new LeakTraceReport.Source(id, rs.getLong(1), rs.getString(2),
					rs.getTimestamp(3).toInstant(), canaries, matched, Math.round(confidence * 100) / 100.0))
			.single();
	}

}
