package dev.holdfast.offboarding;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.RecordNames;

/**
 * Offboarding cases for the audit trail, named by who is leaving: the same name the trail
 * shows for the employee's own events, so nothing more is told than the case's number and
 * its {@code employeeId} detail already tell.
 */
@Component
class CaseRecordNames implements RecordNames {

	private final JdbcClient jdbc;

	private final OrganizationManagement organization;

	CaseRecordNames(JdbcClient jdbc, OrganizationManagement organization) {
		this.jdbc = jdbc;
		this.organization = organization;
	}

	@Override
	public String type() {
		return "offboarding_case";
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> namesOf(Collection<Long> ids) {
		Map<Long, String> names = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		Map<Long, Long> leavers = new LinkedHashMap<>();
		this.jdbc.sql("select id, employee_id from offboarding_case where id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> leavers.put(rs.getLong(1), rs.getLong(2)))
			.list();
		Map<Long, String> people = this.organization.displayNames(new java.util.HashSet<>(leavers.values()));
		leavers.forEach((caseId, employeeId) -> {
			String name = people.get(employeeId);
			if (name != null) {
				names.put(caseId, name);
			}
		});
		return names;
	}

}
