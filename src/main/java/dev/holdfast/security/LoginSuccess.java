package dev.holdfast.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;

import dev.holdfast.shared.RequestClient;

/**
 * After a web login: the session remembers the device and address it was opened from
 * (shown in the list of sessions) and ends after the idle timeout; the browser goes on to
 * the page it had asked for (a path of Holdfast, see {@link LoginTargets}), else home.
 */
class LoginSuccess extends SimpleUrlAuthenticationSuccessHandler {

	static final String CLIENT_IP = "holdfast.client.ip";

	static final String USER_AGENT = "holdfast.client.userAgent";

	private final SessionProperties sessions;

	private final LoginTargets targets;

	LoginSuccess(SessionProperties sessions, LoginTargets targets) {
		this.sessions = sessions;
		this.targets = targets;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		HttpSession session = request.getSession();
		RequestClient client = RequestClient.current();
		session.setAttribute(CLIENT_IP, client.ip());
		session.setAttribute(USER_AGENT, client.userAgent());
		session.setMaxInactiveInterval((int) this.sessions.idleTimeout().toSeconds());
		clearAuthenticationAttributes(request);
		getRedirectStrategy().sendRedirect(request, response, this.targets.target(request, response));
	}

}
