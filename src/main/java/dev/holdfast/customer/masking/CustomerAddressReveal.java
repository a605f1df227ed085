package dev.holdfast.customer.masking;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.Customer;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.customer.Customers;
import dev.holdfast.customer.FieldPolicy;
import dev.holdfast.customer.PersonalCanaries;
import dev.holdfast.customer.masking.RevealForm.SensitiveField;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.audit.AuditAction;

/**
 * Revealing a customer's address: the same rules and the same daily quota as a contact's
 * fields ({@link ContactReveal}), audited as {@code CUSTOMER_REVEALED}.
 */
@Service
public class CustomerAddressReveal {

	private final Customers customers;

	private final CustomerVisibility visibility;

	private final FieldPolicies policies;

	private final RevealQuota quota;

	private final AuditTrail audit;

	private final PersonalCanaries canaries;

	CustomerAddressReveal(Customers customers, CustomerVisibility visibility, FieldPolicies policies, RevealQuota quota,
			AuditTrail audit, PersonalCanaries canaries) {
		this.customers = customers;
		this.visibility = visibility;
		this.policies = policies;
		this.quota = quota;
		this.audit = audit;
		this.canaries = canaries;
	}

	@Transactional
	public Revealed reveal(long customerId, RevealForm form) {
		this.visibility.requireVisible(customerId);
		if (form.field() != SensitiveField.address) {
			throw new InvalidInputException("field", "a customer has only its address to reveal");
		}
		GuardedAction.REVEAL.require();
		if (this.policies.forCustomer(customerId).get(form.field()) == FieldPolicy.HIDDEN) {
			throw new ForbiddenException("your roles do not show this field");
		}
		Customer customer = this.customers.findById(customerId).orElseThrow(() -> new NotFoundException("customer"));
		long me = CurrentEmployee.id();
		int remaining = this.quota.takeForCustomer(me, customerId, form.field());
		this.audit.record(AuditAction.CUSTOMER_REVEALED, "customer", customerId, Map.of("field", form.field().name(),
				"reasonLength", form.reason() == null ? 0 : form.reason().length()));
		this.canaries.revealed(me, customerId, form.field().name());
		return new Revealed(customer.data().address(), remaining);
	}

}
