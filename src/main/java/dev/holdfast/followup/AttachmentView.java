package dev.holdfast.followup;

import java.time.Instant;
import java.util.Locale;

/**
 * A file on a follow-up, as the timeline lists it. The bytes are fetched from
 * {@code /api/v1/attachments/{id}} (and {@code /thumbnail} when {@code thumbnail} is
 * true).
 *
 * @param image whether it is a photo or picture
 * @param thumbnail whether a small preview exists (not for HEIC or WebP)
 * @param uploadedBy who added it; 0 where the follow-up's author is hidden (a customer
 * seen through a public pool)
 */
public record AttachmentView(long id, long followUpId, String fileName, String mediaType, long sizeBytes, boolean image,
		boolean thumbnail, long uploadedBy, Instant uploadedAt) {

	/**
	 * The file without who added it, for wherever the follow-up's author is hidden: the
	 * uploader is its previous owner.
	 */
	AttachmentView withoutUploader() {
		return new AttachmentView(this.id, this.followUpId, this.fileName, this.mediaType, this.sizeBytes, this.image,
				this.thumbnail, 0, this.uploadedAt);
	}

	/** The size for people: "350 KB", "4.2 MB". */
	public String sizeLabel() {
		if (this.sizeBytes < 1024 * 1024) {
			return Math.max(1, Math.round(this.sizeBytes / 1024.0)) + " KB";
		}
		return String.format(Locale.ROOT, "%.1f MB", this.sizeBytes / (1024.0 * 1024.0));
	}

}
