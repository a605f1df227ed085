package dev.holdfast.organization;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.shared.RecordNames;

/**
 * Employees' names for the audit trail: the colleagues' names everyone sees as owners and
 * authors, with the username, so that two people of one name stay apart.
 */
@Component
class EmployeeRecordNames implements RecordNames {

	/** Beyond this many employees the trail's actor filter is a number, not a list. */
	private static final int PICK_LIST_LIMIT = 2000;

	private final JdbcClient jdbc;

	EmployeeRecordNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String type() {
		return "employee";
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> namesOf(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return names("where id in (:ids)", ids);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> pickList() {
		Map<Long, String> all = names("", null);
		return all.size() > PICK_LIST_LIMIT ? Map.of() : all;
	}

	private Map<Long, String> names(String where, Collection<Long> ids) {
		Map<Long, String> names = new LinkedHashMap<>();
		var statement = this.jdbc.sql("select id, display_name, username from employee " + where
				+ " order by display_name, id limit " + (PICK_LIST_LIMIT + 1));
		if (ids != null) {
			statement = statement.param("ids", ids);
		}
		statement.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2) + " (" + rs.getString(3) + ")")).list();
		return names;
	}

}
