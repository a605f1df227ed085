package dev.holdfast.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.RequestClient;
import dev.holdfast.audit.AuditAction;

/**
 * Counts login failures in the database, so the throttle holds across instances. The key
 * is the canonical username ({@link dev.holdfast.shared.Usernames}), the same for every
 * spelling that finds the account. A stranger who guesses from one address locks only
 * himself out of that username; the username is locked for everyone only when failures
 * from all addresses pass a much higher threshold (see {@link SecurityProperties}).
 */
@Service
class LoginThrottle {

	private final JdbcClient jdbc;

	private final SecurityProperties properties;

	private final AuditTrail audit;

	private final HoldfastClock clock;

	LoginThrottle(JdbcClient jdbc, SecurityProperties properties, AuditTrail audit, HoldfastClock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/** The refusal is audited, so the audit event must commit although it throws. */
	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = LoginLockedException.class)
	public void checkNotLocked(String key) {
		String scope = lockedForEveryone(key) ? "account" : lockedForAddress(key, clientIp()) ? "address" : null;
		if (scope != null) {
			this.audit.recordAs(null, key, AuditAction.LOGIN_LOCKED, "username", key, Map.of("scope", scope));
			throw new LoginLockedException();
		}
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFailure(String key, Long employeeId) {
		String ip = clientIp();
		insertAttempt(key, ip, false);
		this.audit.recordAs(employeeId, key, AuditAction.LOGIN_FAILED, "username", key, Map.of());
		Instant since = countingSince(key);
		if (failuresFromAddress(key, ip, since) >= this.properties.maxFailedLogins()) {
			this.jdbc
				.sql("""
						insert into login_address_lockout (username, client_ip, locked_until) values (:username, :ip, :until)
						on conflict (username, client_ip)
						do update set locked_at = now(), locked_until = excluded.locked_until""")
				.param("username", key)
				.param("ip", ip)
				.param("until", Timestamp.from(this.clock.now().plus(this.properties.lockoutDuration())))
				.update();
		}
		long failures = failures(key, since);
		if (failures >= this.properties.accountMaxFailedLogins() && !lockedForEveryone(key)) {
			this.jdbc.sql("""
					insert into login_lockout (username, locked_until, locked_at, failures)
					values (:username, :until, now(), :failures)
					on conflict (username) do update
					set locked_until = excluded.locked_until, locked_at = now(), failures = excluded.failures""")
				.param("username", key)
				.param("until", Timestamp.from(this.clock.now().plus(this.properties.accountLockoutDuration())))
				.param("failures", failures)
				.update();
			this.audit.recordAs(employeeId, key, AuditAction.LOGIN_ACCOUNT_LOCKED, "username", key,
					Map.of("failures", failures));
		}
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSuccess(String key, long employeeId) {
		insertAttempt(key, clientIp(), true);
		this.audit.recordAs(employeeId, key, AuditAction.LOGIN_SUCCEEDED, "employee", employeeId, Map.of());
	}

	private boolean lockedForEveryone(String key) {
		return this.jdbc.sql("select 1 from login_lockout where username = ? and locked_until > now()")
			.param(key)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	private boolean lockedForAddress(String key, String ip) {
		return this.jdbc
			.sql("select 1 from login_address_lockout where username = ? and client_ip = ? and locked_until > now()")
			.params(key, ip)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/** The window, or since an administrator's unlock if that was later. */
	private Instant countingSince(String key) {
		Instant windowStart = this.clock.now().minus(this.properties.failedLoginWindow());
		Optional<Timestamp> unlocked = this.jdbc
			.sql("select unlocked_at from login_lockout where username = ? and unlocked_at is not null")
			.param(key)
			.query(Timestamp.class)
			.optional();
		return unlocked.map(Timestamp::toInstant).filter(windowStart::isBefore).orElse(windowStart);
	}

	/** Failures from this address since its last successful login. */
	private long failuresFromAddress(String key, String ip, Instant since) {
		return this.jdbc.sql("""
				select count(*) from login_attempt
				where username = :username and client_ip = :ip and not succeeded and attempted_at > :since
				  and attempted_at > coalesce((select max(attempted_at) from login_attempt
				                               where username = :username and client_ip = :ip and succeeded),
				                              '-infinity')""")
			.param("username", key)
			.param("ip", ip)
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	/**
	 * Failures from every address: a success does not reset them, or a guesser spread
	 * over many addresses would start again each time the owner logs in.
	 */
	private long failures(String key, Instant since) {
		return this.jdbc
			.sql("select count(*) from login_attempt where username = ? and not succeeded and attempted_at > ?")
			.params(key, Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	private void insertAttempt(String key, String ip, boolean succeeded) {
		this.jdbc.sql("insert into login_attempt (username, succeeded, client_ip) values (?, ?, ?)")
			.params(key, succeeded, ip)
			.update();
	}

	private static String clientIp() {
		String ip = RequestClient.current().ip();
		return ip == null ? "unknown" : ip;
	}

}
