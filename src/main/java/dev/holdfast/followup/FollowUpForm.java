package dev.holdfast.followup;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new follow-up. Author and time are set by the server.
 *
 * @param fields the values of the fields of the template that applies (see
 * {@link FollowUpTemplates}), by key
 */
public record FollowUpForm(@NotNull FollowUpKind kind, @NotBlank @Size(max = 5000) String content, Long contactId,
		Instant nextContactAt, Map<String, Object> fields) {

	public FollowUpForm(FollowUpKind kind, String content, Long contactId, Instant nextContactAt) {
		this(kind, content, contactId, nextContactAt, null);
	}

	FollowUpForm withFields(Map<String, Object> fields) {
		return new FollowUpForm(this.kind, this.content, this.contactId, this.nextContactAt, fields);
	}

}
