package dev.holdfast.followup;

import java.util.Locale;
import java.util.Set;

/**
 * The kinds of file a follow-up may carry: photos from a phone camera, PDF and Office
 * documents. Anything else is refused, whatever its name says.
 */
enum AttachmentType {

	JPEG("image/jpeg", true, "jpg", "jpeg"), PNG("image/png", true, "png"), WEBP("image/webp", false, "webp"),
	// iPhones write HEIC; some name the brand "mif1", which is plain HEIF
	HEIC("image/heic", false, "heic", "heif"), HEIF("image/heif", false, "heif", "heic"),
	PDF("application/pdf", false, "pdf"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false, "docx"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false, "xlsx"),
	PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", false, "pptx"),
	DOC("application/msword", false, "doc"), XLS("application/vnd.ms-excel", false, "xls"),
	PPT("application/vnd.ms-powerpoint", false, "ppt");

	private final String mediaType;

	private final boolean thumbnail;

	private final Set<String> extensions;

	AttachmentType(String mediaType, boolean thumbnail, String... extensions) {
		this.mediaType = mediaType;
		this.thumbnail = thumbnail;
		this.extensions = Set.of(extensions);
	}

	String mediaType() {
		return this.mediaType;
	}

	/** Whether the server can draw a thumbnail of it (Java reads JPEG and PNG). */
	boolean hasThumbnail() {
		return this.thumbnail;
	}

	boolean image() {
		return this.mediaType.startsWith("image/");
	}

	boolean matchesName(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot > 0 && this.extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	static AttachmentType ofMediaType(String mediaType) {
		for (AttachmentType type : values()) {
			if (type.mediaType.equals(mediaType)) {
				return type;
			}
		}
		return null;
	}

}
