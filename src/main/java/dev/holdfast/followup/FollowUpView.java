package dev.holdfast.followup;

import java.time.Instant;

/**
 * A follow-up in a customer's timeline.
 *
 * @param editableUntil until when its author may still correct it
 * @param substantive whether it counts for the customer's follow-up rhythm and the public
 * pool's reclaim clock (see {@link SubstantiveRule})
 */
public record FollowUpView(long id, long customerId, Long contactId, long authorId, String authorName,
		FollowUpKind kind, String content, Instant nextContactAt, Instant createdAt, Instant updatedAt, long version,
		Instant editableUntil, boolean substantive) {

	/**
	 * The follow-up without who wrote it: what someone who sees the customer only through
	 * a public pool is shown, so that the timeline does not name its previous owner.
	 */
	public FollowUpView withoutAuthor() {
		return new FollowUpView(this.id, this.customerId, this.contactId, 0, null, this.kind, this.content,
				this.nextContactAt, this.createdAt, this.updatedAt, this.version, this.editableUntil, this.substantive);
	}

}
