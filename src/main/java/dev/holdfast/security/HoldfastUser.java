package dev.holdfast.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import dev.holdfast.organization.LoginAccount;
import dev.holdfast.shared.EmployeePrincipal;
import dev.holdfast.shared.Permission;

/**
 * The principal of an authenticated request. Kept small, since it is serialised into the
 * session. Its name is the username: Spring Session indexes sessions by it (at most 100
 * characters), so it must not fall back to the record's {@code toString()}.
 */
record HoldfastUser(long employeeId, String username, String displayName,
		Instant authenticatedAt) implements EmployeePrincipal, AuthenticatedPrincipal, Serializable {

	@Override
	public String getName() {
		return this.username;
	}

	/**
	 * The principal for an account authenticated at the given instant (the login, or the
	 * token's creation): a departure or password change after it ends it.
	 */
	static HoldfastUser of(LoginAccount account, Instant authenticatedAt) {
		return new HoldfastUser(account.id(), account.username(), account.displayName(), authenticatedAt);
	}

	Authentication toAuthentication(LoginAccount account) {
		return UsernamePasswordAuthenticationToken.authenticated(this, null,
				AuthorityUtils.createAuthorityList(authorities(account)));
	}

	/**
	 * The authority of an employee who logs in with an initial password and must choose a
	 * new one first: until then they hold no permission, and {@link PasswordChangeGate}
	 * keeps them on the password page.
	 */
	static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

	static Set<String> authorities(LoginAccount account) {
		Set<String> authorities = new HashSet<>();
		if (account.passwordChangeRequired()) {
			authorities.add(PASSWORD_CHANGE_REQUIRED);
		}
		else {
			authorities.addAll(account.permissions());
		}
		account.roles().forEach(role -> authorities.add("ROLE_" + role));
		account.restricted().forEach(code -> authorities.add(Permission.RESTRICTED_PREFIX + code));
		account.suspended().forEach(code -> authorities.add(Permission.SUSPENDED_PREFIX + code));
		return authorities;
	}

}
