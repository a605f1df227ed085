package dev.holdfast.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where the web UI keeps its CSRF token: in the session once there is one (after a
 * login), before that in an HTTP-only, same-site cookie. So the login page, which every
 * visitor and every scanner loads, writes no session row, and its form is still protected
 * against login CSRF. A token the cookie carried never counts once a session exists, so a
 * planted cookie can't fix the token of a logged-in user.
 */
final class LoginCsrfTokens implements CsrfTokenRepository {

	static final String COOKIE = "HOLDFAST-CSRF";

	private static final String HEADER = "X-CSRF-TOKEN";

	private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

	LoginCsrfTokens() {
		this.sessions.setHeaderName(HEADER);
		this.cookies.setHeaderName(HEADER);
		this.cookies.setCookieName(COOKIE);
		this.cookies.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Strict"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.sessions.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			this.sessions.saveToken(token, request, response);
		}
		else {
			this.cookies.saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return request.getSession(false) != null ? this.sessions.loadToken(request) : this.cookies.loadToken(request);
	}

}
