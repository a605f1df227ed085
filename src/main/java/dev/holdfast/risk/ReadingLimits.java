package dev.holdfast.risk;

import java.util.Map;
import java.util.OptionalDouble;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.EmployeePrincipal;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.TooManyRequestsException;

/**
 * Slows scraping: each employee may read so many customer pages (list or detail, web or
 * API) in a burst and so many per second after it. Beyond that: 429 with
 * {@code Retry-After}, and a {@code RATE_LIMITED} audit event that the risk indicators
 * count. Someone serving notice gets a share of each limit.
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
		double share = servingNotice() ? this.limits.leavingFactor() : 1;
		OptionalDouble wait = this.buckets.take(caller.employeeId(), this.kind,
				share * (detail ? this.limits.detailCapacity() : this.limits.listCapacity()),
				share * (detail ? this.limits.detailPerSecond() : this.limits.listPerSecond()));
		if (wait.isEmpty()) {
			return true;
		}
		long seconds = Math.max(1, (long) Math.ceil(wait.getAsDouble()));
		this.audit.record("RATE_LIMITED", "request", null,
				Map.of("kind", this.kind, "request", request.getMethod() + " " + request.getRequestURI()));
		response.setHeader("Retry-After", Long.toString(seconds));
		throw new TooManyRequestsException("reading customers too fast: try again in " + seconds + " s");
	}

	/**
	 * Whether the caller serves notice: the security module marks what a notice period
	 * takes away on the request's authorities, so no query is needed.
	 */
	private static boolean servingNotice() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().startsWith(Permission.RESTRICTED_PREFIX));
	}

}
