package dev.holdfast.care;

/**
 * What a fix did to one key customer: {@code FIXED} (the employee joined the team with
 * that access), {@code ALREADY_MET} (nothing to do) or {@code SKIPPED} (with the reason,
 * e.g. {@code no_manager}).
 */
public record KeyAccountFix(long customerId, String outcome, Long employeeId, String access, String reason) {

	static KeyAccountFix fixed(long customerId, long employeeId, String access) {
		return new KeyAccountFix(customerId, "FIXED", employeeId, access, null);
	}

	static KeyAccountFix alreadyMet(long customerId) {
		return new KeyAccountFix(customerId, "ALREADY_MET", null, null, null);
	}

	static KeyAccountFix skipped(long customerId, String reason) {
		return new KeyAccountFix(customerId, "SKIPPED", null, null, reason);
	}

}
