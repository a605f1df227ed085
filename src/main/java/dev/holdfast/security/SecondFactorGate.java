package dev.holdfast.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps an employee whose role requires a second factor, and who has none yet, on the
 * enrolment page: the policy applies from the next request on, to sessions and tokens
 * already open too. The web gets a redirect; the API a 403.
 */
class SecondFactorGate extends OncePerRequestFilter {

	static final String ENROLMENT_PAGE = "/security/two-factor";

	private static final List<String> WEB_OPEN = List.of(ENROLMENT_PAGE, "/logout", "/login", "/error", "/webjars/",
			"/css/", "/js/", "/images/", "/favicon.ico");

	private static final List<String> API_OPEN = List.of("/api/v1/me", "/api/v1/auth/token");

	private final SecondFactorPolicy policy;

	private final boolean api;

	private final boolean trustProviderMfa;

	/**
	 * @param trustProviderMfa whether a session opened through single sign-on counts as
	 * two-factor (the provider enforces its own)
	 */
	SecondFactorGate(SecondFactorPolicy policy, boolean api, boolean trustProviderMfa) {
		this.policy = policy;
		this.api = api;
		this.trustProviderMfa = trustProviderMfa;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof HoldfastUser user
				&& !viaTrustedProvider(request) && this.policy.mustEnrol(authentication, user) && !open(request)) {
			if (this.api) {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getWriter()
					.write("{\"error\":\"two_factor_enrolment_required\",\"message\":"
							+ "\"your role requires two-factor login: enrol at " + ENROLMENT_PAGE + " first\"}");
			}
			else {
				response.sendRedirect(request.getContextPath() + ENROLMENT_PAGE);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean viaTrustedProvider(HttpServletRequest request) {
		jakarta.servlet.http.HttpSession session = request.getSession(false);
		return this.trustProviderMfa && session != null && "SSO".equals(session.getAttribute(SsoLogin.METHOD));
	}

	private boolean open(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return (this.api ? API_OPEN : WEB_OPEN).stream().anyMatch(path::startsWith);
	}

}
