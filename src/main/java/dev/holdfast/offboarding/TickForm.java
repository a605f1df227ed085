package dev.holdfast.offboarding;

/**
 * A tick of the company's departure checklist, with an optional note (≤ 500 characters).
 */
record TickForm(String note) {

	static final int NOTE_LENGTH = 500;

	String noteOrNull() {
		return this.note == null || this.note.isBlank() ? null : this.note.strip();
	}

}
