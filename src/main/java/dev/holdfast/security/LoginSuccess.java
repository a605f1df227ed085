package dev.holdfast.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import dev.holdfast.shared.RequestClient;

/**
 * After a web login: the session remembers the device and address it was opened from
 * (shown in the list of sessions) and ends after the idle timeout.
 */
class LoginSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

	static final String CLIENT_IP = "holdfast.client.ip";

	static final String USER_AGENT = "holdfast.client.userAgent";

	private final SessionProperties sessions;

	LoginSuccess(SessionProperties sessions) {
		this.sessions = sessions;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		HttpSession session = request.getSession();
		RequestClient client = RequestClient.current();
		session.setAttribute(CLIENT_IP, client.ip());
		session.setAttribute(USER_AGENT, client.userAgent());
		session.setMaxInactiveInterval((int) this.sessions.idleTimeout().toSeconds());
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
