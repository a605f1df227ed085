package dev.holdfast.organization;

import java.time.Instant;
import java.util.Set;

/**
 * What the security module needs to authenticate an employee and build their authorities.
 *
 * @param permissions the codes of every permission of every role held (a union), less
 * those a notice period takes away
 * @param restricted the permission codes a notice period takes away (empty unless
 * LEAVING), whether or not a role grants them
 * @param suspended the permission codes suspended after unusual activity (see
 * {@link AccountSuspensions}), whether or not a role grants them
 * @param passwordChangeRequired whether the employee logs in with an initial password
 * (after coming back from a departure) and must choose a new one before anything else
 */
public record LoginAccount(long id, String username, String displayName, String passwordHash, EmploymentStatus status,
		Instant credentialsValidFrom, Set<String> roles, Set<String> permissions, Set<String> restricted,
		Set<String> suspended, boolean passwordChangeRequired) {

	/** An account whose password the employee chose themselves. */
	public LoginAccount(long id, String username, String displayName, String passwordHash, EmploymentStatus status,
			Instant credentialsValidFrom, Set<String> roles, Set<String> permissions, Set<String> restricted,
			Set<String> suspended) {
		this(id, username, displayName, passwordHash, status, credentialsValidFrom, roles, permissions, restricted,
				suspended, false);
	}

	/** Whether a session or token created at that instant still counts. */
	public boolean accepts(Instant createdAt) {
		return mayLogIn() && !createdAt.isBefore(this.credentialsValidFrom);
	}

	/** Departed employees can't log in and lose every session and token. */
	public boolean mayLogIn() {
		return this.status != EmploymentStatus.DEPARTED && this.passwordHash != null;
	}

}
