package dev.holdfast.customer.masking;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.CustomerChanges;
import dev.holdfast.customer.CustomerDetails;
import dev.holdfast.customer.FieldPolicy;
import dev.holdfast.customer.Masking;
import dev.holdfast.customer.masking.RevealForm.SensitiveField;

/**
 * The customer's address under the caller's field policy for {@code address}, the same
 * policy as a contact's address: masked with reveal for sales, managers and
 * administrators, in full for customer service on the customers they serve.
 */
@Component
public class CustomerAddressMasking {

	private final FieldPolicies policies;

	CustomerAddressMasking(FieldPolicies policies) {
		this.policies = policies;
	}

	public CustomerDetails apply(CustomerDetails details) {
		FieldPolicy policy = this.policies.forCustomer(details.id()).get(SensitiveField.address);
		return details.withAddress(shown(details.address(), policy), policy);
	}

	/**
	 * The changes without an address equal to what the caller was shown: an edit form
	 * sends the masked address back, which must not become the address.
	 */
	public CustomerChanges keepShownAddress(CustomerChanges changes, long customerId, String current) {
		if (changes.address() == null || current == null) {
			return changes;
		}
		FieldPolicy policy = this.policies.forCustomer(customerId).get(SensitiveField.address);
		return changes.address().equals(shown(current, policy)) && policy != FieldPolicy.FULL ? changes.withoutAddress()
				: changes;
	}

	static String shown(String address, FieldPolicy policy) {
		if (address == null || policy == FieldPolicy.HIDDEN) {
			return null;
		}
		return policy == FieldPolicy.FULL ? address : Masking.address(address);
	}

}
