package dev.holdfast.security;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.organization.EmployeeReactivated;

/** Which employees have logged in through the OpenID Connect provider, as whom. */
@Service
class SsoIdentities {

	private final JdbcClient jdbc;

	SsoIdentities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	void loggedIn(long employeeId, String issuer, String subject) {
		this.jdbc
			.sql("""
					insert into sso_identity (employee_id, issuer, subject) values (?, ?, ?)
					on conflict (issuer, subject) do update set last_login_at = now(), employee_id = excluded.employee_id""")
			.params(employeeId, issuer, subject)
			.update();
	}

	/**
	 * A departed employee came back: earlier sign-ins through the provider are forgotten.
	 */
	@EventListener
	void on(EmployeeReactivated reactivated) {
		this.jdbc.sql("delete from sso_identity where employee_id = ?").param(reactivated.employeeId()).update();
	}

	boolean linked(long employeeId) {
		return this.jdbc.sql("select count(*) from sso_identity where employee_id = ?")
			.param(employeeId)
			.query(Long.class)
			.single() > 0;
	}

}
