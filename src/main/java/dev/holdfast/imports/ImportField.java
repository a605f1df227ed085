package dev.holdfast.imports;

import dev.holdfast.shared.LabelPrefix;

/**
 * The fields of Holdfast a column of an imported file can fill: the customer's, its
 * contact's and a follow-up's. Each has a label {@code imports.field.<NAME>} in both
 * languages, which the templates use as their headers.
 */
@LabelPrefix("imports.field")
public enum ImportField {

	CUSTOMER_NAME, CUSTOMER_KIND, LEVEL, INDUSTRY, SOURCE, REGION, ADDRESS, NOTES, OWNER,

	CONTACT_NAME, CONTACT_TITLE, PHONE, OTHER_PHONE, EMAIL, WECHAT, GENDER, BIRTHDAY,

	FOLLOW_UP_CONTENT, FOLLOW_UP_DATE, FOLLOW_UP_KIND, NEXT_CONTACT;

	/**
	 * Whether several columns may fill it (a contact's further phones); every other field
	 * takes one column.
	 */
	public boolean repeatable() {
		return this == OTHER_PHONE;
	}

}
