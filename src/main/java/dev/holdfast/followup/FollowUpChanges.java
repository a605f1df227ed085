package dev.holdfast.followup;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A correction by the author within 24 hours: the whole follow-up as it should read. The
 * replaced text is kept.
 */
public record FollowUpChanges(@NotNull FollowUpKind kind, @NotBlank @Size(max = 5000) String content, Long contactId,
		Instant nextContactAt, @NotNull Long version) {
}
