package dev.holdfast.followup;

import java.util.List;

/**
 * The template fields of one follow-up: which template (and version) it was entered with,
 * and each field's label and value in form order.
 */
public record FollowUpFields(long templateId, int templateVersion, List<Value> values) {

	/** One field's value; a date is {@code yyyy-MM-dd}, a number a decimal. */
	public record Value(String key, String labelZh, String labelEn, Object value) {

		public String label(java.util.Locale locale) {
			return "zh".equals(locale.getLanguage()) ? this.labelZh : this.labelEn;
		}

	}

}
