package dev.holdfast.followup;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A follow-up that happened before it is recorded (moving in; the demo company), as of
 * {@code at}, by {@code authorId}. Kind and content follow the rules of
 * {@link FollowUpForm}.
 */
public record PastFollowUp(long customerId, Long contactId, long authorId, @NotNull FollowUpKind kind,
		@NotBlank @Size(max = 5000) String content, @NotNull Instant at, Instant nextContactAt) {
}
