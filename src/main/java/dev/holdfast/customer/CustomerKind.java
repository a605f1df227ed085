package dev.holdfast.customer;

import dev.holdfast.shared.LabelPrefix;

/**
 * Whether a customer is a company or a person.
 */
@LabelPrefix("customer.kind")
public enum CustomerKind {

	COMPANY, PERSON

}
