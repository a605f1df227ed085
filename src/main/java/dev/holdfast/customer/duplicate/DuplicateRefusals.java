package dev.holdfast.customer.duplicate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.audit.AuditAction;

/**
 * Records duplicate refusals and answers refused for an exhausted budget, in a
 * transaction of their own: the refused write rolls back, the record of the refusal must
 * not, since the budget counts them and the risk indicators score them. Ids and facts
 * only, never the value. Called before the refused transaction writes audit events of its
 * own (it would wait on the chain's lock).
 */
@Component
class DuplicateRefusals {

	private final AuditTrail audit;

	DuplicateRefusals(AuditTrail audit) {
		this.audit = audit;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(Long customerId, String field, long existingCustomerId, boolean visible) {
		refused(customerId, field, existingCustomerId, visible, visible && "name".equals(field), null, false);
	}

	/**
	 * A refusal; {@code importId} names the import whose preview asked (null for any
	 * other check); {@code allowance}: the import's approved allowance answered it, not
	 * the day's budget; {@code readable}: a value the caller may read (a name of a
	 * customer they see, or a preview's phone they see in full or paid for as a reveal),
	 * which costs no budget.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(Long customerId, String field, long existingCustomerId, boolean visible, boolean readable,
			Long importId, boolean allowance) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("field", field);
		facts.put("existingCustomerId", existingCustomerId);
		facts.put("visible", visible);
		if (readable) {
			// a value the employee may read anyway: confirms nothing, costs no budget
			facts.put("readable", true);
		}
		if (importId != null) {
			facts.put("importId", importId);
		}
		if (allowance) {
			facts.put("allowance", true);
		}
		this.audit.record(AuditAction.DUPLICATE_REFUSED, "customer", customerId, facts);
	}

	/**
	 * Records how many values a preview is about to have checked (found or not): the "no"
	 * answers are what guessing a masked number lives on, so they count too.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void checked(int values, Long importId, boolean allowance) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("values", values);
		if (importId != null) {
			facts.put("importId", importId);
		}
		if (allowance) {
			facts.put("allowance", true);
		}
		this.audit.record(AuditAction.DUPLICATES_CHECKED, "customer", null, facts);
	}

	/**
	 * A preview's phones are no longer answered: the caller's daily reveal quota is used
	 * up (a phone found at a customer they see masked is a reveal).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void revealQuotaUsedUp(Long importId) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("kind", "reveal_quota");
		facts.put("field", "phone");
		if (importId != null) {
			facts.put("importId", importId);
		}
		this.audit.record(AuditAction.RATE_LIMITED, "customer", null, facts);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void budgetUsedUp(Long customerId, String field) {
		budgetUsedUp(customerId, field, null, false);
	}

	/**
	 * As {@link #budgetUsedUp(Long, String)}, for the preview of an import (with an
	 * approved allowance: that allowance used up).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void budgetUsedUp(Long customerId, String field, Long importId, boolean allowance) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("kind", allowance ? "import_allowance" : "duplicate_check");
		facts.put("field", field);
		if (importId != null) {
			facts.put("importId", importId);
		}
		this.audit.record(AuditAction.RATE_LIMITED, "customer", customerId, facts);
	}

}
