package dev.holdfast.offboarding;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a new owner has to take up: the customer, who handed it over, and the leaver's
 * note (null if none was written). The customer's page has the full timeline.
 *
 * @param notesUntil the leaver's last working day while they may still write the note (it
 * shows here as soon as it is written), else null
 */
public record HandoverTaskView(long id, long caseId, long customerId, String customerName, String level, long leaverId,
		String leaverName, HandoverNoteView note, Instant createdAt, Instant doneAt, LocalDate notesUntil) {

	HandoverTaskView withNote(HandoverNoteView note) {
		return new HandoverTaskView(this.id, this.caseId, this.customerId, this.customerName, this.level, this.leaverId,
				this.leaverName, note, this.createdAt, this.doneAt, this.notesUntil);
	}

}
