package dev.holdfast.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.SqlRecordNames;

/**
 * API tokens for the audit trail, by when they were issued and to whom ("2026-12-01 09:30
 * · 张三"); never the token.
 */
@Component
class ApiTokenRecordNames extends SqlRecordNames {

	private final HoldfastClock clock;

	ApiTokenRecordNames(JdbcClient jdbc, OrganizationManagement organization, HoldfastClock clock) {
		super(jdbc, "api_token", Source.of("t.created_at, t.employee_id", "api_token t", "t"),
				organization::displayNames);
		this.clock = clock;
	}

	@Override
	protected String name(ResultSet row) throws SQLException {
		return this.clock.dateTime(row.getTimestamp(2).toInstant());
	}

	@Override
	public Map<Long, String> search(String text) {
		return Map.of(); // a time is not a name to search
	}

}
