package dev.holdfast.organization;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.Labels;
import dev.holdfast.shared.SqlRecordNames;

/**
 * Roles for the audit trail by their label (a built-in role in the reader's language, a
 * custom one by its name): the roles every employee sees on the employee pages.
 */
@Component
class RoleRecordNames extends SqlRecordNames {

	private final Labels labels;

	RoleRecordNames(JdbcClient jdbc, Labels labels) {
		super(jdbc, "role", Source.of("r.name, r.code", "role r", "r").listed());
		this.labels = labels;
	}

	@Override
	protected String name(ResultSet row) throws SQLException {
		return this.labels.role(row.getString(3), row.getString(2));
	}

}
