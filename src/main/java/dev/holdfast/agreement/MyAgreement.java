package dev.holdfast.agreement;

import java.time.Instant;

/**
 * An agreement version as the employee sees it: to accept (with the date by which it must
 * be, if an earlier acceptance still counts) or accepted.
 *
 * @param blocking whether customer data stays closed until it is accepted
 */
record MyAgreement(long agreementId, long versionId, int number, String titleZh, String titleEn, String textZh,
		String textEn, String scope, int termMonths, String nonCompeteText, Integer nonCompeteMonths,
		Instant acceptedAt, Instant dueAt, boolean blocking) {

	public boolean accepted() {
		return this.acceptedAt != null;
	}

}
