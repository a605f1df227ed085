package dev.holdfast.followup;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The quick follow-up form of the customer page: what happened, optionally with whom, and
 * optionally the day of the next contact (reminded at nine in the morning), and the
 * fields of the template that applies ({@code fields[key]}).
 */
record QuickFollowUp(@NotNull FollowUpKind kind, @NotBlank @Size(max = 5000) String content, Long contactId,
		LocalDate nextContactOn, Map<String, String> fields) {

	static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

	FollowUpForm toForm(ZoneId zone) {
		return new FollowUpForm(this.kind, this.content, this.contactId,
				this.nextContactOn == null ? null : this.nextContactOn.atTime(REMINDER_TIME).atZone(zone).toInstant())
			.withFields(this.fields == null ? null : new java.util.LinkedHashMap<>(this.fields));
	}

}
