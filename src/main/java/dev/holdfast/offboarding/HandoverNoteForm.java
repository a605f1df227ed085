package dev.holdfast.offboarding;

import jakarta.validation.constraints.Size;

/**
 * The handover note template: who matters at the customer, what was promised, what is
 * open, what comes next. At least one part must be filled in.
 */
public record HandoverNoteForm(@Size(max = 2000) String keyContacts, @Size(max = 2000) String promises,
		@Size(max = 2000) String openIssues, @Size(max = 2000) String nextStep) {

	boolean blank() {
		return isBlank(this.keyContacts) && isBlank(this.promises) && isBlank(this.openIssues)
				&& isBlank(this.nextStep);
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

}
