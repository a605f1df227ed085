package dev.holdfast.customer;

import dev.holdfast.shared.LabelPrefix;

/**
 * A contact's gender.
 */
@LabelPrefix("contact.gender")
public enum Gender {

	MALE, FEMALE, UNKNOWN

}
