package dev.holdfast.offboarding;

/**
 * The banner of an employee serving notice.
 *
 * @param caseId their offboarding case
 * @param notesMissing customers of their plan still without a handover note (0 once the
 * notes can no longer be written)
 * @param firstWithoutNote where to write the next note, or null
 */
public record NoticeBanner(long caseId, long notesMissing, Long firstWithoutNote) {
}
