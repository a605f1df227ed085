package dev.holdfast;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.holdfast.organization.LoginAccount;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.EmployeePrincipal;
import dev.holdfast.shared.Permission;

/**
 * Puts an employee into the security context with the authorities a login gives them
 * (their roles' permissions, and what a notice period or a suspension takes away), for
 * calling services that no route reaches yet directly, as that employee. Clear the
 * context after each test.
 */
public final class SignedIn {

	private SignedIn() {
	}

	public static void as(OrganizationManagement organization, TestData.Employee employee) {
		LoginAccount account = organization.loginAccount(employee.id()).orElseThrow();
		List<String> authorities = new ArrayList<>(account.permissions());
		account.roles().forEach(role -> authorities.add("ROLE_" + role));
		account.restricted().forEach(code -> authorities.add(Permission.RESTRICTED_PREFIX + code));
		account.suspended().forEach(code -> authorities.add(Permission.SUSPENDED_PREFIX + code));
		EmployeePrincipal principal = new Principal(account.id(), account.username());
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
					AuthorityUtils.createAuthorityList(authorities)));
	}

	private record Principal(long employeeId, String username) implements EmployeePrincipal {
	}

}
