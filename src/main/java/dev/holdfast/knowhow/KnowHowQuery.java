package dev.holdfast.knowhow;

/**
 * A search of the library; each part is optional.
 *
 * @param industry the customer's industry, exactly (ignoring case)
 * @param kind a follow-up kind the sequence contains
 * @param stage the customer's status when published
 * @param q words in the title, lesson, tags or steps
 */
record KnowHowQuery(String industry, String kind, String stage, String q) {

	static KnowHowQuery of(String industry, String kind, String stage, String q) {
		return new KnowHowQuery(blankToNull(industry), blankToNull(kind), blankToNull(stage), blankToNull(q));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
