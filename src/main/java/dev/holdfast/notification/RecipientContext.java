package dev.holdfast.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.LoginAccount;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.EmployeePrincipal;
import dev.holdfast.shared.Permission;

/**
 * Lets an e-mail name records for its recipient, who reads it, not for whoever caused it.
 * Notices are sent by listeners and jobs on threads of their own: there the lookup runs
 * with the recipient as the current employee (their roles, permissions and markers as the
 * security module loads them), and the thread's own context returns after it. Inside a
 * request the caller's per-request state (their data scope, the reading meter) would
 * answer for the recipient, so nothing is named there: the e-mail keeps numbers and its
 * link. A departed recipient is named nothing either.
 */
@Component
class RecipientContext {

	private final OrganizationManagement organization;

	RecipientContext(OrganizationManagement organization) {
		this.organization = organization;
	}

	<T> T as(long employeeId, Supplier<T> work, T otherwise) {
		if (RequestContextHolder.getRequestAttributes() != null) {
			return otherwise;
		}
		LoginAccount account = this.organization.loginAccount(employeeId)
			.filter(a -> a.status() != EmploymentStatus.DEPARTED)
			.orElse(null);
		if (account == null) {
			return otherwise;
		}
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(new Recipient(account.id(), account.username()), null,
						AuthorityUtils.createAuthorityList(authorities(account))));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private static List<String> authorities(LoginAccount account) {
		List<String> authorities = new ArrayList<>();
		if (!account.passwordChangeRequired()) {
			authorities.addAll(account.permissions());
		}
		account.roles().forEach(role -> authorities.add("ROLE_" + role));
		account.restricted().forEach(code -> authorities.add(Permission.RESTRICTED_PREFIX + code));
		account.suspended().forEach(code -> authorities.add(Permission.SUSPENDED_PREFIX + code));
		return authorities;
	}

	/** The recipient as the current employee, for the time of a lookup. */
	private record Recipient(long employeeId, String username) implements EmployeePrincipal {
	}

}
