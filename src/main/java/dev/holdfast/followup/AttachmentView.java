package dev.holdfast.followup;

import java.time.Instant;

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
}
