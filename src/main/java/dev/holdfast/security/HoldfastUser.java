package dev.holdfast.security;

import java.io.Serializable;
import java.util.Set;

import dev.holdfast.organization.LoginAccount;
import dev.holdfast.shared.EmployeePrincipal;

/**
 * The principal of an authenticated request. Kept small, since it is serialised into the
 * session.
 */
record HoldfastUser(long employeeId, String username, String displayName) implements EmployeePrincipal, Serializable {

	static HoldfastUser of(LoginAccount account) {
		return new HoldfastUser(account.id(), account.username(), account.displayName());
	}

	static Set<String> authorities(LoginAccount account) {
		java.util.Set<String> authorities = new java.util.HashSet<>(account.permissions());
		account.roles().forEach(role -> authorities.add("ROLE_" + role));
		return authorities;
	}

}
