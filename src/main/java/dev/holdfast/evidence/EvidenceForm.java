package dev.holdfast.evidence;

import java.time.LocalDate;

/**
 * What to build: whose package, over which days (both included), in which language
 * ({@code zh}, the default, or {@code en}); {@code unmasked} with the id of the
 * administrators' approval of exactly that ({@code approvalId}) for contact data in full.
 */
record EvidenceForm(Long employeeId, LocalDate from, LocalDate to, String language, Boolean unmasked, Long approvalId) {

	EvidenceForm(Long employeeId, LocalDate from, LocalDate to, String language) {
		this(employeeId, from, to, language, null, null);
	}

	boolean unmaskedAsked() {
		return Boolean.TRUE.equals(this.unmasked);
	}

	String languageOrDefault() {
		return this.language == null || this.language.isBlank() ? "zh" : this.language.strip();
	}

}
