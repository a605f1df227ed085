package dev.holdfast.provisioning;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <SCIM token>} on {@code /scim/v2}.
 */
class ScimBearerFilter extends OncePerRequestFilter {

	private final ScimCallers callers;

	ScimBearerFilter(ScimCallers callers) {
		this.callers = callers;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = header.substring(7).strip();
			if (!token.isEmpty() && token.length() <= 200) {
				this.callers.authenticate(token)
					.ifPresent(caller -> SecurityContextHolder.getContext().setAuthentication(caller));
			}
		}
		chain.doFilter(request, response);
	}

}
