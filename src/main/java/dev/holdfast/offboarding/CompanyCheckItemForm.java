package dev.holdfast.offboarding;

/**
 * A new item of the company's departure checklist; {@link CompanyChecklistItems} checks
 * it (a title of at most 100 characters, a role that exists and sees offboarding cases).
 *
 * @param responsibleRole the code of the role whose holders tick it
 * @param required whether it blocks closing the case; left out means not required, as an
 * unticked checkbox of the admin page sends nothing
 * @param position where it stands in the list (0–9999); after the others when left out
 */
record CompanyCheckItemForm(String title, String responsibleRole, Boolean required, Integer position) {

	CompanyCheckItemForm {
		required = Boolean.TRUE.equals(required);
	}

}
