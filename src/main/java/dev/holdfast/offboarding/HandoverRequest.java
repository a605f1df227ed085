package dev.holdfast.offboarding;

/**
 * The optional body of a handover request.
 *
 * @param acceptMissingNotes hand over key (A/B) customers even though they have no note
 * (otherwise 409 {@code handover_notes_missing} names them)
 */
record HandoverRequest(Boolean acceptMissingNotes) {

	boolean accepts() {
		return Boolean.TRUE.equals(this.acceptMissingNotes);
	}

}
