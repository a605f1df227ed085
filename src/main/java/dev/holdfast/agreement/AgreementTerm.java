package dev.holdfast.agreement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An agreement that binds an employee after the last working day: the version they last
 * accepted and when its confidentiality term (and non-compete, if any) ends.
 *
 * @param nonCompeteEndsOn null without a non-compete clause
 */
public record AgreementTerm(long agreementId, long versionId, int version, String titleZh, String titleEn,
		Instant acceptedAt, int termMonths, LocalDate confidentialityEndsOn, Integer nonCompeteMonths,
		LocalDate nonCompeteEndsOn) {

	/** The title in the language asked for: Chinese for {@code zh}, else English. */
	public String title(String language) {
		return "zh".equals(language) ? this.titleZh : this.titleEn;
	}

}
