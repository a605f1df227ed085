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
 * one recorded in Holdfast; through the public pool only to that person themselves (the
 * importer may have been the customer's owner, whom the pool does not name: attack, stop
 * 22)
 * @param fromFile whether it was brought in from a file, whoever may see by whom: a date
 * there without a time of day is shown without one
 * ({@code HoldfastClock#dateTime(Instant, boolean)})
 */
public record FollowUpView(long id, long customerId, Long contactId, long authorId, String authorName,
		FollowUpKind kind, String content, Instant nextContactAt, Instant createdAt, Instant updatedAt, long version,
		Instant editableUntil, boolean substantive, FollowUpFields fields, List<AttachmentView> attachments,
		String broughtInByName, boolean fromFile) {

	public FollowUpView {
		attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
	}

	/** Without template values or files, for where they are not shown. */
	public FollowUpView(long id, long customerId, Long contactId, long authorId, String authorName, FollowUpKind kind,
			String content, Instant nextContactAt, Instant createdAt, Instant updatedAt, long version,
			Instant editableUntil, boolean substantive, String broughtInByName, boolean fromFile) {
		this(id, customerId, contactId, authorId, authorName, kind, content, nextContactAt, createdAt, updatedAt,
				version, editableUntil, substantive, null, List.of(), broughtInByName, fromFile);
	}

	FollowUpView withAttachments(List<AttachmentView> files) {
		return new FollowUpView(this.id, this.customerId, this.contactId, this.authorId, this.authorName, this.kind,
				this.content, this.nextContactAt, this.createdAt, this.updatedAt, this.version, this.editableUntil,
				this.substantive, this.fields, files, this.broughtInByName, this.fromFile);
	}

	FollowUpView withFields(FollowUpFields fields) {
		return new FollowUpView(this.id, this.customerId, this.contactId, this.authorId, this.authorName, this.kind,
				this.content, this.nextContactAt, this.createdAt, this.updatedAt, this.version, this.editableUntil,
				this.substantive, fields, this.attachments, this.broughtInByName, this.fromFile);
	}

	/**
	 * The follow-up as someone who sees the customer only through a public pool is shown
	 * it: without who wrote it or added its files, so that the timeline does not name its
	 * previous owner; who brought it in is named only to that person (an imported
	 * follow-up's author), who learns nothing from their own name.
	 */
	public FollowUpView seenThroughThePool(long viewer) {
		return new FollowUpView(this.id, this.customerId, this.contactId, 0, null, this.kind, this.content,
				this.nextContactAt, this.createdAt, this.updatedAt, this.version, this.editableUntil, this.substantive,
				this.fields, this.attachments.stream().map(AttachmentView::withoutUploader).toList(),
				this.authorId == viewer ? this.broughtInByName : null, this.fromFile);
	}

}
