package dev.holdfast.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.PhoneNumbers;
import dev.holdfast.shared.SensitiveText;

/**
 * A contact's phone number and e-mail address, the values a customer is reached by: which
 * of them a write sets or changes, the guard on that, and the facts its audit event
 * carries (field names and the customer's level, never a value) for the duplicate budget
 * and the risk indicators.
 */
final class ContactReach {

	private ContactReach() {
	}

	/**
	 * {@code phone} and/or {@code email}, if the write gives them a new value (the same
	 * number spelt differently is no change); everything set counts for a new contact.
	 */
	static List<String> changed(ContactData before, ContactData after) {
		List<String> changed = new ArrayList<>(2);
		if (after.phone() != null && (before == null || !samePhone(before.phone(), after.phone()))
				|| before != null && before.phone() != null && after.phone() == null) {
			changed.add("phone");
		}
		if (after.email() != null && (before == null || !sameEmail(before.email(), after.email()))
				|| before != null && before.email() != null && after.email() == null) {
			changed.add("email");
		}
		return changed;
	}

	/**
	 * Refuses an employee serving notice any change of the ways a customer is reached:
	 * phone, e-mail, and also WeChat and address (found by the attacker after the first
	 * fix: a leaver pointed a key contact's WeChat at his own account), and a phone
	 * number or e-mail address written into the contact's notes or title (found by the
	 * second attack run: "call me at 139…" next to the masked phone, shown to everyone
	 * unmasked).
	 */
	static void guard(ContactData before, ContactData after) {
		if (!changed(before, after).isEmpty() || differs(before, after, ContactData::wechat)
				|| differs(before, after, ContactData::address) || writesReachInText(before, after, ContactData::notes)
				|| writesReachInText(before, after, ContactData::title)) {
			GuardedAction.CHANGE_CONTACT_PHONE_OR_EMAIL.check();
		}
	}

	private static boolean writesReachInText(ContactData before, ContactData after,
			java.util.function.Function<ContactData, String> field) {
		return differs(before, after, field) && SensitiveText.contains(field.apply(after));
	}

	private static boolean differs(ContactData before, ContactData after,
			java.util.function.Function<ContactData, String> field) {
		String now = blankToNull(field.apply(after));
		String was = before == null ? null : blankToNull(field.apply(before));
		return !Objects.equals(now, was);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static Map<String, Object> facts(Customer customer, List<String> changed) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("customerId", customer.getId());
		if (!changed.isEmpty()) {
			facts.put("changed", changed);
			facts.put("level", customer.data().level().name());
		}
		return facts;
	}

	private static boolean samePhone(String a, String b) {
		if (a == null || b == null) {
			return a == b;
		}
		return Objects.equals(PhoneNumbers.normalize(a).orElse(a.strip()), PhoneNumbers.normalize(b).orElse(b.strip()));
	}

	private static boolean sameEmail(String a, String b) {
		if (a == null || b == null) {
			return a == b;
		}
		return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
	}

}
