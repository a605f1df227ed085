package dev.holdfast.customer;

/**
 * Whether a customer is a company or a person.
 */
public enum CustomerKind {

	COMPANY, PERSON

}
