package dev.holdfast.offboarding;

import java.sql.ResultSet;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.SqlRecordNames;

/**
 * Rotation plans for the audit trail, named by the rep who gives the customers: nothing
 * more than the plan's number and its {@code from} detail already tell.
 */
@Component
class RotationRecordNames extends SqlRecordNames {

	RotationRecordNames(JdbcClient jdbc, OrganizationManagement organization) {
		super(jdbc, "rotation_plan", Source.of("r.from_employee_id", "rotation_plan r", "r"),
				organization::displayNames);
	}

	@Override
	protected String name(ResultSet row) {
		return null; // the rep's name is the plan's
	}

	@Override
	public Map<Long, String> search(String text) {
		return Map.of(); // a number is not a name to search
	}

}
