package dev.holdfast.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code holdfast.security.requests-at-once} requests of one employee are worked
 * on at a time; the employee's further requests wait (holding no database connection) for
 * up to {@code request-wait}, then get 429 {@code too_many_at_once}. A page's few
 * parallel sections do not notice it. It keeps one employee's burst from taking every
 * worker thread and database connection: a refused reveal or duplicate is audited in a
 * transaction of its own while the request's transaction holds its connection, so a
 * pool's worth of such requests at once waited for each other until the pool's timeout,
 * and every other employee's requests with them (insider attack, December 2026). Requests
 * before authentication (log-in) are not counted here: the log-in throttle covers them.
 */
class RequestsAtOnce extends OncePerRequestFilter {

	private final int permits;

	private final Duration wait;

	private final Map<Long, Semaphore> employees = new ConcurrentHashMap<>();

	RequestsAtOnce(int permits, Duration wait) {
		this.permits = permits;
		this.wait = wait;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof HoldfastUser user)) {
			chain.doFilter(request, response);
			return;
		}
		Semaphore semaphore = this.employees.computeIfAbsent(user.employeeId(), id -> new Semaphore(this.permits));
		boolean acquired;
		try {
			acquired = semaphore.tryAcquire(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			response.setHeader("Retry-After", "2");
			response.setCharacterEncoding("UTF-8");
			SecurityConfiguration.json(response, 429, "too_many_at_once",
					"too many of your requests at once; nothing was changed, try again in a moment");
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			semaphore.release();
		}
	}

}
