package dev.holdfast.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.web.Overload;

/**
 * Authenticates {@code Authorization: Bearer <token>} on the API, with the employee's
 * roles as they are now. The token's employee goes into a context of its own for this
 * request: the context loaded from a browser session that came along with the same
 * request is never changed, so a token cannot take over (or be kept in) that session.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);

	private final ApiTokens tokens;

	private final OrganizationManagement organization;

	BearerTokenFilter(ApiTokens tokens, OrganizationManagement organization) {
		this.tokens = tokens;
		this.organization = organization;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = bearerToken(request);
		if (token != null) {
			try {
				this.tokens.use(token)
					.ifPresent(use -> this.organization.loginAccount(use.employeeId())
						.filter(account -> account.accepts(use.createdAt()))
						.ifPresent(account -> {
							SecurityContext context = SecurityContextHolder.createEmptyContext();
							context
								.setAuthentication(HoldfastUser.of(account, use.createdAt()).toAuthentication(account));
							SecurityContextHolder.setContext(context);
						}));
			}
			catch (RuntimeException ex) {
				if (!Overload.in(ex)) {
					throw ex;
				}
				// as the API's error handler answers it: the token could not be looked up
				// in time, which is no server error and no reason to refuse the token
				log.warn("A REST call's token could not be looked up in time: {}", ex.getMessage());
				response.setHeader("Retry-After", Overload.RETRY_AFTER_SECONDS);
				SecurityConfiguration.json(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "unavailable",
						Overload.MESSAGE);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	static String bearerToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String token = header.substring(7).strip();
		return token.isEmpty() || token.length() > 200 ? null : token;
	}

}
