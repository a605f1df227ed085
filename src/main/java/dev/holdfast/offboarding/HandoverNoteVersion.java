package dev.holdfast.offboarding;

import java.time.Instant;

/**
 * One text a handover note had: kept for good (append-only), so that a note cannot be
 * quietly replaced.
 */
public record HandoverNoteVersion(long revision, String keyContacts, String promises, String openIssues,
		String nextStep, String writtenByName, Instant writtenAt) {
}
