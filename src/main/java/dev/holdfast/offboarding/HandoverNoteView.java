package dev.holdfast.offboarding;

import java.time.Instant;

/**
 * A handover note as it reads now, with its author and case.
 *
 * @param revision how many texts the note has had (every one is kept, see
 * {@link HandoverNoteVersion})
 * @param edited whether the leaver changed it after the first text ({@code updatedAt}
 * says when last)
 */
public record HandoverNoteView(long caseId, long customerId, String keyContacts, String promises, String openIssues,
		String nextStep, long writtenBy, String writtenByName, Instant writtenAt, Instant updatedAt, long revision,
		boolean edited) {
}
