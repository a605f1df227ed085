package dev.holdfast.imports;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.holdfast.TestData.Employee;
import dev.holdfast.shared.EmployeePrincipal;

/**
 * Puts an employee into the security context as security loads them (their roles'
 * permissions as authorities), for calling this module's services directly.
 */
final class SignedIn {

	private SignedIn() {
	}

	static void as(JdbcClient jdbc, Employee employee) {
		List<String> permissions = jdbc.sql("""
				select distinct p.permission from role_permission p join employee_role r on r.role_id = p.role_id
				where r.employee_id = ?
				""").param(employee.id()).query(String.class).list();
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
					AuthorityUtils.createAuthorityList(permissions)));
	}

}
