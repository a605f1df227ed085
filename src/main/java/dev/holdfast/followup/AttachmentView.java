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
 */
public record AttachmentView(long id, long followUpId, String fileName, String mediaType, long sizeBytes, boolean image,
		boolean thumbnail, long uploadedBy, Instant uploadedAt) {

	/** The size for people: "350 KB", "4.2 MB". */
	public String sizeLabel() {
		if (this.sizeBytes < 1024 * 1024) {
			return Math.max(1, Math.round(this.sizeBytes / 1024.0)) + " KB";
		}
		return String.format(Locale.ROOT, "%.1f MB", this.sizeBytes / (1024.0 * 1024.0));
	}

}
