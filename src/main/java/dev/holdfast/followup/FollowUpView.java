package dev.holdfast.followup;

import java.time.Instant;

/**
 * A follow-up in a customer's timeline.
 *
 * @param editableUntil until when its author may still correct it
 */
public record FollowUpView(long id, long customerId, Long contactId, long authorId, String authorName,
		FollowUpKind kind, String content, Instant nextContactAt, Instant createdAt, Instant updatedAt, long version,
		Instant editableUntil) {
}
