package dev.holdfast.offboarding;

import java.time.Instant;

/**
 * Whether a note exists, without its text: what HR, who runs a case but sees no customer
 * data, learns of a handover note.
 */
public record HandoverNoteFacts(long caseId, long customerId, boolean written, long revisions, Instant updatedAt) {

	static HandoverNoteFacts of(long caseId, long customerId, HandoverNoteView note) {
		return note == null ? new HandoverNoteFacts(caseId, customerId, false, 0, null)
				: new HandoverNoteFacts(caseId, customerId, true, note.revision(), note.updatedAt());
	}

}
