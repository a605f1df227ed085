package dev.holdfast.offboarding;

import java.time.Instant;

/** A handover note as written, with its author and case. */
public record HandoverNoteView(long caseId, long customerId, String keyContacts, String promises, String openIssues,
		String nextStep, long writtenBy, String writtenByName, Instant writtenAt, Instant updatedAt) {
}
