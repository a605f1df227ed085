package dev.holdfast.followup;

import java.time.Instant;

/**
 * A follow-up in a customer's timeline.
 *
 * @param editableUntil until when its author may still correct it
 * @param substantive whether it counts for the customer's follow-up rhythm and the public
 * pool's reclaim clock (see {@link SubstantiveRule})
 * @param fields the values of its template's fields, null when it was entered without one
 */
public record FollowUpView(long id, long customerId, Long contactId, long authorId, String authorName,
		FollowUpKind kind, String content, Instant nextContactAt, Instant createdAt, Instant updatedAt, long version,
		Instant editableUntil, boolean substantive, FollowUpFields fields) {

	FollowUpView withFields(FollowUpFields fields) {
		return new FollowUpView(this.id, this.customerId, this.contactId, this.authorId, this.authorName, this.kind,
				this.content, this.nextContactAt, this.createdAt, this.updatedAt, this.version, this.editableUntil,
				this.substantive, fields);
	}

}
