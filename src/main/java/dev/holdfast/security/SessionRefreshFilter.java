package dev.holdfast.security;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.holdfast.organization.LoginAccount;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.HoldfastClock;

/**
 * Reloads the logged-in employee's roles and status from the database on every request,
 * so that a change of role or a departure takes effect at once on every instance. A
 * departed employee's session is ended, and so is any session older than the absolute
 * timeout.
 */
class SessionRefreshFilter extends OncePerRequestFilter {

	private final OrganizationManagement organization;

	private final SessionProperties sessions;

	private final HoldfastClock clock;

	SessionRefreshFilter(OrganizationManagement organization, SessionProperties sessions, HoldfastClock clock) {
		this.organization = organization;
		this.sessions = sessions;
		this.clock = clock;
	}

	/** Static files carry no data; they need no trip to the database. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/images/") || path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.getPrincipal() instanceof HoldfastUser user) {
			Optional<LoginAccount> account = this.organization.loginAccount(user.employeeId())
				.filter(a -> a.accepts(user.authenticatedAt()))
				.filter(a -> user.authenticatedAt().plus(this.sessions.absoluteTimeout()).isAfter(this.clock.now()));
			if (account.isPresent()) {
				SecurityContextHolder.getContext()
					.setAuthentication(
							HoldfastUser.of(account.get(), user.authenticatedAt()).toAuthentication(account.get()));
			}
			else {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
		}
		chain.doFilter(request, response);
	}

}
