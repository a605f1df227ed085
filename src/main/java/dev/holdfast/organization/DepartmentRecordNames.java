package dev.holdfast.organization;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.shared.RecordNames;

/**
 * Departments' names for the audit trail: the organisation chart every employee sees on
 * the employee pages, so no visibility rule narrows it.
 */
@Component
class DepartmentRecordNames implements RecordNames {

	private final JdbcClient jdbc;

	DepartmentRecordNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String type() {
		return "department";
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> namesOf(Collection<Long> ids) {
		Map<Long, String> names = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("select id, name from department where id in (:ids)")
				.param("ids", ids)
				.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
				.list();
		}
		return names;
	}

}
