package dev.holdfast.shared;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The employee behind the current request.
 */
public final class CurrentEmployee {

	private CurrentEmployee() {
	}

	public static Optional<EmployeePrincipal> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof EmployeePrincipal principal) {
			return Optional.of(principal);
		}
		return Optional.empty();
	}

	/** The current employee; a request without one never reaches code that calls this. */
	public static EmployeePrincipal get() {
		return find().orElseThrow(() -> new IllegalStateException("no authenticated employee"));
	}

	public static long id() {
		return get().employeeId();
	}

	/**
	 * Whether the caller of the current request holds the role of this code (the security
	 * module loads the caller's roles with their permissions on every request, as
	 * {@code ROLE_<code>} authorities).
	 */
	public static boolean holdsRole(String code) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return false;
		}
		String authority = "ROLE_" + code;
		return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
	}

}
