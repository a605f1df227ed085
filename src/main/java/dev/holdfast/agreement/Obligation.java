package dev.holdfast.agreement;

import java.time.Instant;

/**
 * The current version of an agreement the employee's roles require and they have not
 * accepted yet.
 *
 * @param acceptedEarlier whether they accepted an earlier version, which counts until
 * {@code dueAt}
 * @param dueAt end of the grace period of the current version
 */
record Obligation(long agreementId, long versionId, int number, String titleZh, String titleEn, Instant dueAt,
		boolean acceptedEarlier) {

	/** Whether it keeps customer data closed at the instant (and not just asks). */
	boolean blocks(Instant now) {
		return !this.acceptedEarlier || !now.isBefore(this.dueAt);
	}

}
