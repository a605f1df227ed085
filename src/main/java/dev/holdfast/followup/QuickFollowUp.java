package dev.holdfast.followup;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The quick follow-up form of the customer page: what happened, optionally with whom, and
 * optionally the day of the next contact (reminded at nine in the morning).
 */
record QuickFollowUp(@NotNull FollowUpKind kind, @NotBlank @Size(max = 5000) String content, Long contactId,
		LocalDate nextContactOn) {

	static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

	FollowUpForm toForm(ZoneId zone) {
		return new FollowUpForm(this.kind, this.content, this.contactId,
				this.nextContactOn == null ? null : this.nextContactOn.atTime(REMINDER_TIME).atZone(zone).toInstant());
	}

}
