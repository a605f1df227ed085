package dev.holdfast.imports;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.holdfast.TestData.Employee;
import dev.holdfast.organization.LoginAccount;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.EmployeePrincipal;
import dev.holdfast.shared.Permission;

/**
 * Puts an employee into the security context as security loads them (their roles'
 * permissions as authorities), for calling this module's services directly.
 */
public final class SignedIn {

	private SignedIn() {
	}

	public static void as(JdbcClient jdbc, Employee employee) {
		List<String> permissions = jdbc.sql("""
				select distinct p.permission from role_permission p join employee_role r on r.role_id = p.role_id
				where r.employee_id = ?
				""").param(employee.id()).query(String.class).list();
		signIn(employee, permissions);
	}

	/**
	 * The same with everything security loads: permissions, and the markers of what a
	 * notice period or a suspension takes away.
	 */
	public static void loaded(OrganizationManagement organization, Employee employee) {
		LoginAccount account = organization.loginAccount(employee.username()).orElseThrow();
		List<String> authorities = new ArrayList<>(account.permissions());
		account.restricted().forEach(code -> authorities.add(Permission.RESTRICTED_PREFIX + code));
		account.suspended().forEach(code -> authorities.add(Permission.SUSPENDED_PREFIX + code));
		signIn(employee, authorities);
	}

	private static void signIn(Employee employee, List<String> authorities) {
		EmployeePrincipal principal = new EmployeePrincipal() {
			@Override
			public long employeeId() {
				return employee.id();
			}

			@Override
			public String username() {
				return employee.username();
			}
		};
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
					AuthorityUtils.createAuthorityList(authorities)));
	}

}
