package dev.holdfast.security;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.offboarding.EmployeeDeparted;
import dev.holdfast.organization.EmployeeReactivated;
import dev.holdfast.audit.AuditAction;

/**
 * Revokes every API token and deletes every web session of an employee, in the database
 * all instances share: the next request with any of them gets 401. (Ending the
 * credentials in the organization already refuses them; this removes them, so that
 * nothing is left that a later mistake could bring back.)
 */
@Service
public class CredentialRevocation {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	CredentialRevocation(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Returns how many tokens and sessions were ended, and records SESSIONS_REVOKED. */
	@Transactional
	public Revoked revokeAll(long employeeId, String reason) {
		int tokens = this.jdbc
			.sql("update api_token set revoked_at = now() where employee_id = ? and revoked_at is null")
			.param(employeeId)
			.update();
		int sessions = this.jdbc.sql("""
				delete from spring_session
				where principal_name = (select username from employee_directory where id = ?)""")
			.param(employeeId)
			.update();
		this.audit.record(AuditAction.SESSIONS_REVOKED, "employee", employeeId,
				Map.of("tokens", tokens, "sessions", sessions, "reason", reason));
		return new Revoked(tokens, sessions);
	}

	/**
	 * An employment ended: synchronously, in the transaction that makes the employee
	 * DEPARTED (a plain listener, not an asynchronous one), so that the departure and the
	 * end of every session and token commit together or not at all; the departure's
	 * request returns with the employee logged out everywhere.
	 */
	@EventListener
	void on(EmployeeDeparted departed) {
		revokeAll(departed.employeeId(), departed.terminated() ? "terminated" : "last working day");
	}

	/**
	 * A departed employee came back: nothing they could log in with before counts again,
	 * even what a departure by another path only ended without removing.
	 */
	@EventListener
	void on(EmployeeReactivated reactivated) {
		revokeAll(reactivated.employeeId(), "reactivated");
	}

	/** How many API tokens and web sessions were ended. */
	public record Revoked(int tokens, int sessions) {
	}

}
