package dev.holdfast.offboarding;

import java.sql.ResultSet;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.SqlRecordNames;

/**
 * Offboarding cases for the audit trail, named by who is leaving: the same name the trail
 * shows for the employee's own events, so nothing more is told than the case's number and
 * its {@code employeeId} detail already tell.
 */
@Component
class CaseRecordNames extends SqlRecordNames {

	CaseRecordNames(JdbcClient jdbc, OrganizationManagement organization) {
		super(jdbc, "offboarding_case", Source.of("o.employee_id", "offboarding_case o", "o").listed(),
				organization::displayNames);
	}

	@Override
	protected String name(ResultSet row) {
		return null; // the leaver's name is the case's
	}

	@Override
	public Map<Long, String> search(String text) {
		return Map.of(); // listed; a number is not a name to search
	}

}
