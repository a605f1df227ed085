package dev.holdfast.customer.masking;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.audit.AuditAction;

/**
 * Records a reveal refused because the day's quota is used up, in a transaction of its
 * own: the refused one rolls back, and someone who keeps trying is exactly what the risk
 * indicators should see.
 */
@Component
class RefusedReveals {

	private final AuditTrail audit;

	RefusedReveals(AuditTrail audit) {
		this.audit = audit;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void quotaUsedUp(String targetType, long targetId, RevealForm.SensitiveField field) {
		this.audit.record(AuditAction.REVEAL_REFUSED, targetType, targetId,
				Map.of("reason", "reveal_quota", "field", field.name()));
	}

}
