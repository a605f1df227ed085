package dev.holdfast.customer;

/**
 * A contact's gender.
 */
public enum Gender {

	MALE, FEMALE, UNKNOWN

}
