package dev.holdfast.audit;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.shared.AccessDenials;
import dev.holdfast.shared.ForbiddenException;

/**
 * Writes {@code ACCESS_DENIED} for every refused request, in a transaction of its own:
 * the refused one rolls back, the record of the refusal must not.
 */
@Component
class AccessDenialAudit implements AccessDenials {

	private final AuditTrail trail;

	AccessDenialAudit(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(ForbiddenException refusal, String method, String path) {
		this.trail.record(AuditAction.ACCESS_DENIED, "request", null,
				Map.of("reason", refusal.code(), "message", refusal.getMessage(), "request", method + " " + path));
	}

}
