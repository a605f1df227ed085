package dev.holdfast.organization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.shared.RecordNames;
import dev.holdfast.shared.SqlRecordNames;
import dev.holdfast.shared.SqlRecordNames.Source;

/**
 * Names of the organisation's people and departments for the audit trail: the names every
 * employee sees as owners, authors and on the employee pages, so no visibility rule
 * narrows them. An employee's username follows the name, so that two people of one name
 * stay apart.
 */
@Configuration(proxyBeanMethods = false)
class OrganizationRecordNames {

	@Bean
	RecordNames employeeNames(JdbcClient jdbc) {
		return new SqlRecordNames(jdbc, "employee",
				Source.of("e.display_name || ' (' || e.username || ')'", "employee e", "e").listed());
	}

	@Bean
	RecordNames departmentNames(JdbcClient jdbc) {
		return new SqlRecordNames(jdbc, "department", Source.of("d.name", "department d", "d").listed());
	}

}
