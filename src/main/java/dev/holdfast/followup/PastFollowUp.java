package dev.holdfast.followup;

import java.time.Instant;

/**
 * A follow-up that happened before it is recorded (moving in; the demo company), as of
 * {@code at}.
 */
public record PastFollowUp(long customerId, Long contactId, long authorId, FollowUpKind kind, String content,
		Instant at, Instant nextContactAt) {
}
