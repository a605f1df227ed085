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

}
