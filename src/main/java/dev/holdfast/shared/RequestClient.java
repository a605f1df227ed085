package dev.holdfast.shared;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client address and user agent of the current HTTP request, or nulls outside of one
 * (jobs, start-up).
 */
public record RequestClient(String ip, String userAgent) {

	private static final int MAX_USER_AGENT = 512;

	public static RequestClient current() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return new RequestClient(null, null);
		}
		HttpServletRequest request = attributes.getRequest();
		String agent = request.getHeader("User-Agent");
		if (agent != null && agent.length() > MAX_USER_AGENT) {
			agent = agent.substring(0, MAX_USER_AGENT);
		}
		return new RequestClient(request.getRemoteAddr(), agent);
	}

}
