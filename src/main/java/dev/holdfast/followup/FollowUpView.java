package dev.holdfast.followup;

import java.time.Instant;
import java.util.List;

/**
 * A follow-up in a customer's timeline.
 *
 * @param editableUntil until when its author may still correct it
 * @param substantive whether it counts for the customer's follow-up rhythm and the public
 * pool's reclaim clock (see {@link SubstantiveRule})
 * @param fields the values of its template's fields, null when it was entered without one
 * @param attachments its files (photos, documents), oldest first
 * @param broughtInByName who brought it in from a file (an import, the demo), null for
 * one recorded in Holdfast; shown also where the author is not (the public pool): it
 * names the importer, not a previous owner
 */
public record FollowUpView(long id, long customerId, Long contactId, long authorId, String authorName,
		FollowUpKind kind, String content, Instant nextContactAt, Instant createdAt, Instant updatedAt, long version,
		Instant editableUntil, boolean substantive, FollowUpFields fields, List<AttachmentView> attachments,
		String broughtInByName) {

	public FollowUpView {
		attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
	}

	/** Without template values or files, for where they are not shown. */
	public FollowUpView(long id, long customerId, Long contactId, long authorId, String authorName, FollowUpKind kind,
			String content, Instant nextContactAt, Instant createdAt, Instant updatedAt, long version,
			Instant editableUntil, boolean substantive, String broughtInByName) {
		this(id, customerId, contactId, authorId, authorName, kind, content, nextContactAt, createdAt, updatedAt,
				version, editableUntil, substantive, null, List.of(), broughtInByName);
	}

	FollowUpView withAttachments(List<AttachmentView> files) {
		return new FollowUpView(this.id, this.customerId, this.contactId, this.authorId, this.authorName, this.kind,
				this.content, this.nextContactAt, this.createdAt, this.updatedAt, this.version, this.editableUntil,
				this.substantive, this.fields, files, this.broughtInByName);
	}

	FollowUpView withFields(FollowUpFields fields) {
		return new FollowUpView(this.id, this.customerId, this.contactId, this.authorId, this.authorName, this.kind,
				this.content, this.nextContactAt, this.createdAt, this.updatedAt, this.version, this.editableUntil,
				this.substantive, fields, this.attachments, this.broughtInByName);
	}

	/**
	 * The follow-up without who wrote it: what someone who sees the customer only through
	 * a public pool is shown, so that the timeline does not name its previous owner,
	 * neither as author nor as who added its files.
	 */
	public FollowUpView withoutAuthor() {
		return new FollowUpView(this.id, this.customerId, this.contactId, 0, null, this.kind, this.content,
				this.nextContactAt, this.createdAt, this.updatedAt, this.version, this.editableUntil, this.substantive,
				this.fields, this.attachments.stream().map(AttachmentView::withoutUploader).toList(),
				this.broughtInByName);
	}

}
