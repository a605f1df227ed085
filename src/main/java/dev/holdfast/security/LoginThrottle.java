package dev.holdfast.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.RequestClient;

/**
 * Counts login failures per username in the database, so the lockout holds across
 * instances.
 */
@Service
class LoginThrottle {

	private final JdbcClient jdbc;

	private final SecurityProperties properties;

	private final AuditTrail audit;

	LoginThrottle(JdbcClient jdbc, SecurityProperties properties, AuditTrail audit) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.audit = audit;
	}

	/** The refusal is audited, so the audit event must commit although it throws. */
	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = LoginLockedException.class)
	public void checkNotLocked(String username) {
		boolean locked = this.jdbc.sql("select 1 from login_lockout where username = ? and locked_until > now()")
			.param(key(username))
			.query(Integer.class)
			.optional()
			.isPresent();
		if (locked) {
			this.audit.recordAs(null, username, "LOGIN_LOCKED", "username", key(username), Map.of());
			throw new LoginLockedException();
		}
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFailure(String username, Long employeeId) {
		insertAttempt(username, false);
		this.audit.recordAs(employeeId, username, "LOGIN_FAILED", "username", key(username), Map.of());
		Instant since = Instant.now().minus(this.properties.failedLoginWindow());
		long failures = this.jdbc.sql("""
				select count(*) from login_attempt
				where lower(username) = :username and not succeeded and attempted_at > :since
				  and attempted_at > coalesce((select max(attempted_at) from login_attempt
				                               where lower(username) = :username and succeeded), '-infinity')""")
			.param("username", key(username))
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
		if (failures >= this.properties.maxFailedLogins()) {
			this.jdbc.sql("""
					insert into login_lockout (username, locked_until) values (:username, :until)
					on conflict (username) do update set locked_until = excluded.locked_until""")
				.param("username", key(username))
				.param("until", Timestamp.from(Instant.now().plus(this.properties.lockoutDuration())))
				.update();
		}
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSuccess(String username, long employeeId) {
		insertAttempt(username, true);
		this.audit.recordAs(employeeId, username, "LOGIN_SUCCEEDED", "employee", employeeId, Map.of());
	}

	private void insertAttempt(String username, boolean succeeded) {
		this.jdbc.sql("insert into login_attempt (username, succeeded, client_ip) values (?, ?, ?)")
			.params(key(username), succeeded, RequestClient.current().ip())
			.update();
	}

	private static String key(String username) {
		String trimmed = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return trimmed.length() > 64 ? trimmed.substring(0, 64) : trimmed;
	}

}
