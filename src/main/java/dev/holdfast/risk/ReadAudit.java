package dev.holdfast.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

import dev.holdfast.audit.AuditEntry;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.audit.AuditAction;

/**
 * Records what a request read of customer data once it is over: one
 * {@code CUSTOMER_DATA_READ} with the records and rows it read (the amounts the risk
 * indicators score), and {@code RATE_LIMITED} if a budget refused it. After the request,
 * because a refused read's transaction rolls back, and a transaction that may hold the
 * audit chain's lock must not wait for another that wants it. It matches no route: it
 * only writes down what {@link ReadMeter} counted, wherever the read happened.
 */
class ReadAudit implements HandlerInterceptor {

	private final AuditTrail audit;

	ReadAudit(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		ReadTally tally = ReadTally.takeFrom(request);
		if (tally == null) {
			return;
		}
		List<AuditEntry> entries = new ArrayList<>();
		if (tally.readAnything()) {
			entries.add(new AuditEntry(AuditAction.CUSTOMER_DATA_READ, "request", null, tally.amounts()));
		}
		if (tally.refused() != null) {
			entries.add(new AuditEntry(AuditAction.RATE_LIMITED, "request", null, Map.of("kind",
					tally.refused().bucket(), "request", request.getMethod() + " " + request.getRequestURI())));
		}
		this.audit.recordAll(entries);
	}

}
