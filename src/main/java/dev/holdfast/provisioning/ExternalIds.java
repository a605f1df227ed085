package dev.holdfast.provisioning;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The identity provider's own id of each provisioned employee (SCIM {@code externalId}):
 * kept as the provider sends it, so that it finds its users again.
 */
@Component
class ExternalIds {

	private final JdbcClient jdbc;

	ExternalIds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> of(long employeeId) {
		return this.jdbc.sql("select external_id from scim_external_id where employee_id = ?")
			.param(employeeId)
			.query(String.class)
			.optional();
	}

	Optional<Long> employeeWith(String externalId) {
		return this.jdbc
			.sql("select employee_id from scim_external_id where external_id = ? order by employee_id limit 1")
			.param(externalId)
			.query(Long.class)
			.optional();
	}

	/** Sets or (with null) removes the employee's external id. */
	void put(long employeeId, String externalId) {
		if (externalId == null || externalId.isBlank()) {
			this.jdbc.sql("delete from scim_external_id where employee_id = ?").param(employeeId).update();
			return;
		}
		this.jdbc.sql("""
				insert into scim_external_id (employee_id, external_id) values (?, ?)
				on conflict (employee_id) do update set external_id = excluded.external_id, updated_at = now()""")
			.params(employeeId, externalId)
			.update();
	}

}
