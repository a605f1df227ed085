package dev.holdfast.followup;

import java.time.Instant;
import java.util.List;

/**
 * A follow-up in a customer's timeline.
 *
 * @param editableUntil until when its author may still correct it
 * @param substantive whether it counts for the customer's follow-up rhythm and the public
 * pool's reclaim clock (see {@link SubstantiveRule})
 * @param attachments its files (photos, documents), oldest first
 */
public record FollowUpView(long id, long customerId, Long contactId, long authorId, String authorName,
		FollowUpKind kind, String content, Instant nextContactAt, Instant createdAt, Instant updatedAt, long version,
		Instant editableUntil, boolean substantive, List<AttachmentView> attachments) {

	public FollowUpView {
		attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
	}

	/** Without its files, for where they are not shown. */
	public FollowUpView(long id, long customerId, Long contactId, long authorId, String authorName, FollowUpKind kind,
			String content, Instant nextContactAt, Instant createdAt, Instant updatedAt, long version,
			Instant editableUntil, boolean substantive) {
		this(id, customerId, contactId, authorId, authorName, kind, content, nextContactAt, createdAt, updatedAt,
				version, editableUntil, substantive, List.of());
	}

	FollowUpView withAttachments(List<AttachmentView> files) {
		return new FollowUpView(this.id, this.customerId, this.contactId, this.authorId, this.authorName, this.kind,
				this.content, this.nextContactAt, this.createdAt, this.updatedAt, this.version, this.editableUntil,
				this.substantive, files);
	}

}
