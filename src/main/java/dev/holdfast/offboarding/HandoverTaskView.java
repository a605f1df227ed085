package dev.holdfast.offboarding;

import java.time.Instant;

/**
 * What a new owner has to take up: the customer, who handed it over, and the leaver's
 * note (null if none was written). The customer's page has the full timeline.
 */
public record HandoverTaskView(long id, long caseId, long customerId, String customerName, String level, long leaverId,
		String leaverName, HandoverNoteView note, Instant createdAt, Instant doneAt) {

	HandoverTaskView withNote(HandoverNoteView note) {
		return new HandoverTaskView(this.id, this.caseId, this.customerId, this.customerName, this.level, this.leaverId,
				this.leaverName, note, this.createdAt, this.doneAt);
	}

}
