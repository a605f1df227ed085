package dev.holdfast.shared;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client address and user agent of the current HTTP request, or of the request a
 * worker thread does its work for ({@link #carriedInto}), or nulls outside of both (jobs,
 * start-up).
 */
public record RequestClient(String ip, String userAgent) {

	private static final int MAX_USER_AGENT = 512;

	private static final ThreadLocal<RequestClient> CARRIED = new ThreadLocal<>();

	public static RequestClient current() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			RequestClient carried = CARRIED.get();
			return carried != null ? carried : new RequestClient(null, null);
		}
		HttpServletRequest request = attributes.getRequest();
		String agent = request.getHeader("User-Agent");
		if (agent != null && agent.length() > MAX_USER_AGENT) {
			agent = agent.substring(0, MAX_USER_AGENT);
		}
		return new RequestClient(request.getRemoteAddr(), agent);
	}

	/**
	 * The task, to be run on another thread, with this request's client read now (the
	 * request itself may be gone by then): what the task audits names who asked for it.
	 */
	public static Runnable carriedInto(Runnable task) {
		RequestClient client = current();
		return () -> {
			CARRIED.set(client);
			try {
				task.run();
			}
			finally {
				CARRIED.remove();
			}
		};
	}

}
