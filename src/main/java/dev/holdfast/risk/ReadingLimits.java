package dev.holdfast.risk;

import java.util.Map;
import java.util.OptionalDouble;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.EmployeePrincipal;
import dev.holdfast.shared.TooManyRequestsException;

/**
 * Slows scraping: each employee may read so many customer pages (list or detail, web or
 * API) in a burst and so many per second after it. Beyond that: 429 with
 * {@code Retry-After}, and a {@code RATE_LIMITED} audit event that the risk indicators
 * count.
 */
class ReadingLimits implements HandlerInterceptor {

	private final RateBuckets buckets;

	private final AuditTrail audit;

	private final RiskProperties.RateLimits limits;

	private final String kind;

	ReadingLimits(RateBuckets buckets, AuditTrail audit, RiskProperties.RateLimits limits, String kind) {
		this.buckets = buckets;
		this.audit = audit;
		this.limits = limits;
		this.kind = kind;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		EmployeePrincipal caller = CurrentEmployee.find().orElse(null);
		if (!this.limits.enabled() || caller == null || !"GET".equals(request.getMethod())) {
			return true;
		}
		boolean detail = "detail".equals(this.kind);
		OptionalDouble wait = this.buckets.take(caller.employeeId(), this.kind,
				detail ? this.limits.detailCapacity() : this.limits.listCapacity(),
				detail ? this.limits.detailPerSecond() : this.limits.listPerSecond());
		if (wait.isEmpty()) {
			return true;
		}
		long seconds = Math.max(1, (long) Math.ceil(wait.getAsDouble()));
		this.audit.record("RATE_LIMITED", "request", null,
				Map.of("kind", this.kind, "request", request.getMethod() + " " + request.getRequestURI()));
		response.setHeader("Retry-After", Long.toString(seconds));
		throw new TooManyRequestsException("reading customers too fast: try again in " + seconds + " s");
	}

}
