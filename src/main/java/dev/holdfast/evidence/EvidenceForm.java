package dev.holdfast.evidence;

import java.time.LocalDate;

/**
 * What to build: whose package, over which days (both included), in which language
 * ({@code zh}, the default, or {@code en}).
 */
record EvidenceForm(Long employeeId, LocalDate from, LocalDate to, String language) {

	String languageOrDefault() {
		return this.language == null || this.language.isBlank() ? "zh" : this.language.strip();
	}

}
