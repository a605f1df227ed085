package dev.holdfast.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.organization.LoginAccount;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.Usernames;
import dev.holdfast.audit.AuditAction;

/**
 * What administrators see of the login throttle: the usernames locked now, for everyone
 * or for some addresses, and the unlock, which also forgets the failures before it.
 */
@Service
class LoginLockouts {

	private static final int MAX_ADDRESS_LOCKS = 500;

	private final JdbcClient jdbc;

	private final OrganizationManagement organization;

	private final AuditTrail audit;

	LoginLockouts(JdbcClient jdbc, OrganizationManagement organization, AuditTrail audit) {
		this.jdbc = jdbc;
		this.organization = organization;
		this.audit = audit;
	}

	record LockedAddress(String clientIp, Instant lockedUntil) {
	}

	/**
	 * A locked username, with the employee it names (none for a username nobody has).
	 *
	 * @param lockedForEveryoneUntil when the lock for every address ends; null when only
	 * some addresses are locked
	 */
	record LockedLogin(String username, Long employeeId, String displayName, Instant lockedForEveryoneUntil,
			int failures, List<LockedAddress> addresses) {
	}

	@Transactional(readOnly = true)
	List<LockedLogin> locked() {
		Permission.LOGIN_UNLOCK.require();
		Map<String, LockedLogin> locked = new LinkedHashMap<>();
		this.jdbc.sql("select username, locked_until, failures from login_lockout where locked_until > now()")
			.query((rs, row) -> new LockedLogin(rs.getString(1), null, null, rs.getTimestamp(2).toInstant(),
					rs.getInt(3), new ArrayList<>()))
			.list()
			.forEach(login -> locked.put(login.username(), login));
		this.jdbc.sql("""
				select username, client_ip, locked_until from login_address_lockout
				where locked_until > now() order by locked_at desc limit ?""")
			.param(MAX_ADDRESS_LOCKS)
			.query((rs, row) -> Map.entry(rs.getString(1),
					new LockedAddress(rs.getString(2), rs.getTimestamp(3).toInstant())))
			.list()
			.forEach(address -> locked
				.computeIfAbsent(address.getKey(),
						username -> new LockedLogin(username, null, null, null, 0, new ArrayList<>()))
				.addresses()
				.add(address.getValue()));
		return locked.values()
			.stream()
			.map(this::named)
			.sorted(Comparator.comparing((LockedLogin l) -> l.lockedForEveryoneUntil() == null)
				.thenComparing(LockedLogin::username))
			.toList();
	}

	/** Lifts every lock of the username and forgets its failures so far. */
	@Transactional
	void unlock(String username) {
		Permission.LOGIN_UNLOCK.require();
		String key = Usernames.canonical(username);
		if (key.isEmpty() || key.length() > Usernames.MAX_LENGTH) {
			throw new InvalidInputException("username", "no such locked username");
		}
		boolean forEveryone = this.jdbc
			.sql("select count(*) from login_lockout where username = ? and locked_until > now()")
			.param(key)
			.query(Long.class)
			.single() > 0;
		this.jdbc.sql("""
				insert into login_lockout (username, locked_until, unlocked_at, unlocked_by)
				values (:username, now(), now(), :by)
				on conflict (username) do update
				set locked_until = least(login_lockout.locked_until, now()), unlocked_at = now(),
				    unlocked_by = excluded.unlocked_by""")
			.param("username", key)
			.param("by", CurrentEmployee.id())
			.update();
		int addresses = this.jdbc
			.sql("select count(*) from login_address_lockout where username = ? and locked_until > now()")
			.param(key)
			.query(Integer.class)
			.single();
		this.jdbc.sql("delete from login_address_lockout where username = ?").param(key).update();
		this.audit.record(AuditAction.LOGIN_UNLOCKED, "username", key,
				Map.of("lockedForEveryone", forEveryone, "lockedAddresses", addresses));
	}

	private LockedLogin named(LockedLogin login) {
		Optional<LoginAccount> account = this.organization.loginAccount(login.username());
		return new LockedLogin(login.username(), account.map(LoginAccount::id).orElse(null),
				account.map(LoginAccount::displayName).orElse(null), login.lockedForEveryoneUntil(), login.failures(),
				List.copyOf(login.addresses()));
	}

}
