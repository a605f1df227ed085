package dev.holdfast.customer.masking;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.ContactChanges;
import dev.holdfast.customer.ContactView;
import dev.holdfast.customer.FieldPolicy;
import dev.holdfast.customer.Masking;
import dev.holdfast.customer.masking.RevealForm.SensitiveField;

/**
 * Applies the caller's field policies to contact data on its way out of the module:
 * views, revision snapshots, and values sent back unchanged in an edit form.
 */
@Component
public class ContactMasking {

	private final FieldPolicies policies;

	ContactMasking(FieldPolicies policies) {
		this.policies = policies;
	}

	public ContactView apply(ContactView contact) {
		return apply(contact, this.policies.forCustomer(contact.customerId()));
	}

	public List<ContactView> apply(long customerId, List<ContactView> contacts) {
		Map<SensitiveField, FieldPolicy> policies = this.policies.forCustomer(customerId);
		return contacts.stream().map(c -> apply(c, policies)).toList();
	}

	/**
	 * A contact's or customer's revision snapshot with the sensitive fields it has (a
	 * customer's: its address) treated like a view's.
	 */
	public Map<String, Object> snapshot(Map<String, Object> snapshot, Map<SensitiveField, FieldPolicy> policies) {
		Map<String, Object> masked = new LinkedHashMap<>(snapshot);
		for (SensitiveField field : SensitiveField.values()) {
			if (!snapshot.containsKey(field.name())) {
				continue;
			}
			Object value = snapshot.get(field.name());
			masked.put(field.name(), value instanceof String text ? show(field, text, policies.get(field)) : value);
		}
		return masked;
	}

	public Map<SensitiveField, FieldPolicy> policiesFor(long customerId) {
		return this.policies.forCustomer(customerId);
	}

	/**
	 * The changes with every sensitive value that equals what the caller was shown left
	 * out: an edit form or a client sends back {@code 138****5678}, which must not become
	 * the phone number.
	 */
	public ContactChanges keepShownValues(ContactChanges changes, ContactView current) {
		ContactView shown = apply(current);
		return new ContactChanges(changes.name(), changes.title(), unlessShown(changes.phone(), shown.phone()),
				unlessShown(changes.email(), shown.email()), unlessShown(changes.wechat(), shown.wechat()),
				unlessShown(changes.address(), shown.address()), changes.gender(), changes.birthday(), changes.notes(),
				changes.version());
	}

	private static String unlessShown(String change, String shown) {
		return (change != null && change.equals(shown)) ? null : change;
	}

	private static ContactView apply(ContactView c, Map<SensitiveField, FieldPolicy> policies) {
		Map<String, FieldPolicy> shown = new LinkedHashMap<>();
		policies.forEach((field, policy) -> shown.put(field.name(), policy));
		return new ContactView(c.id(), c.customerId(), c.name(), c.title(),
				show(SensitiveField.phone, c.phone(), policies.get(SensitiveField.phone)),
				show(SensitiveField.email, c.email(), policies.get(SensitiveField.email)),
				show(SensitiveField.wechat, c.wechat(), policies.get(SensitiveField.wechat)),
				show(SensitiveField.address, c.address(), policies.get(SensitiveField.address)), c.gender(),
				c.birthday(), c.notes(), c.version(), c.createdAt(), c.updatedAt(), Collections.unmodifiableMap(shown));
	}

	private static String show(SensitiveField field, String value, FieldPolicy policy) {
		if (value == null || policy == FieldPolicy.HIDDEN) {
			return null;
		}
		if (policy == FieldPolicy.FULL) {
			return value;
		}
		UnaryOperator<String> mask = switch (field) {
			case phone -> Masking::phone;
			case email -> Masking::email;
			case wechat -> Masking::wechat;
			case address -> Masking::address;
		};
		return mask.apply(value);
	}

}
