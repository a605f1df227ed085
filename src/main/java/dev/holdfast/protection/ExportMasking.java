package dev.holdfast.protection;

/**
 * The masked forms of contact data in an export ({@code 138****5678},
 * {@code z***@example.com}): a local stand-in until the masking policy of the protection
 * module is shared by every view.
 */
final class ExportMasking {

	private ExportMasking() {
	}

	static String phone(String value) {
		if (value == null || value.isBlank()) {
			return "";
		}
		String digits = value.replaceAll("[^0-9]", "");
		if (digits.length() < 7) {
			return "****";
		}
		return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
	}

	static String email(String value) {
		if (value == null || value.isBlank()) {
			return "";
		}
		int at = value.indexOf('@');
		return at <= 0 ? "***" : value.charAt(0) + "***" + value.substring(at);
	}

	static String other(String value) {
		if (value == null || value.isBlank()) {
			return "";
		}
		return value.charAt(0) + "***";
	}

}
