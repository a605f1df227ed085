package dev.holdfast.agreement;

import java.time.Instant;

/**
 * A published version, as it was published: versions never change.
 *
 * @param accepted how many employees accepted this version
 */
record VersionView(long id, long agreementId, int number, String textZh, String textEn, String scope, int termMonths,
		String nonCompeteText, Integer nonCompeteMonths, int graceDays, Instant publishedAt, long accepted) {

	public Instant dueAt() {
		return this.publishedAt.plus(java.time.Duration.ofDays(this.graceDays));
	}

}
