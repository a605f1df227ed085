package dev.holdfast.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps an employee who logged in with an initial password (after coming back from a
 * departure) on the password page until they choose their own: the web gets a redirect,
 * the API a 403. Their login holds no permission meanwhile either, so a page this misses
 * still shows nothing.
 */
class PasswordChangeGate extends OncePerRequestFilter {

	static final String PASSWORD_PAGE = "/security/password";

	private static final List<String> WEB_OPEN = List.of(PASSWORD_PAGE, SecondFactorGate.ENROLMENT_PAGE, "/logout",
			"/login", "/error", "/webjars/", "/css/", "/js/", "/images/", "/favicon.ico");

	private static final List<String> API_OPEN = List.of("/api/v1/me", "/api/v1/auth/token");

	private final boolean api;

	PasswordChangeGate(boolean api) {
		this.api = api;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (mustChange(SecurityContextHolder.getContext().getAuthentication()) && !open(request)) {
			if (this.api) {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getWriter()
					.write("{\"error\":\"password_change_required\",\"message\":" + "\"choose a new password at "
							+ PASSWORD_PAGE + " first\"}");
			}
			else {
				response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean mustChange(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(HoldfastUser.PASSWORD_CHANGE_REQUIRED::equals);
	}

	private boolean open(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return (this.api ? API_OPEN : WEB_OPEN).stream().anyMatch(path::startsWith);
	}

}
