package dev.holdfast.followup;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new follow-up. Author and time are set by the server.
 */
public record FollowUpForm(@NotNull FollowUpKind kind, @NotBlank @Size(max = 5000) String content, Long contactId,
		Instant nextContactAt) {
}
