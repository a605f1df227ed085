package dev.holdfast.customer;

/**
 * Filters of the customer list; each may be null. {@code q} matches a name substring
 * (Chinese too), or exactly a contact's phone number or e-mail address (through their
 * blind index: contact data is stored encrypted).
 */
public record CustomerQuery(String q, CustomerLevel level, Long ownerId, boolean archived) {

	public static CustomerQuery all() {
		return new CustomerQuery(null, null, null, false);
	}

}
