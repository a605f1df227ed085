package dev.holdfast.followup;

import org.springframework.stereotype.Component;

import dev.holdfast.followup.files.FileProperties;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.InvisibleCharacters;

/**
 * What every upload must pass before anything is stored: a size within the limit, a plain
 * file name (a name with a path, a control character or no extension is refused, never
 * quietly fixed), and content of an accepted type that agrees with the name's extension.
 * A photo then loses its location (see {@link Geotags}): what is stored, measured and
 * hashed is the photo without it.
 */
@Component
class UploadCheck {

	private static final int MAX_NAME_LENGTH = 200;

	private final ContentTypes contentTypes;

	private final FileProperties properties;

	private final Geotags geotags;

	UploadCheck(ContentTypes contentTypes, FileProperties properties, Geotags geotags) {
		this.contentTypes = contentTypes;
		this.properties = properties;
		this.geotags = geotags;
	}

	/** The checked file, its bytes read. */
	record Checked(String fileName, AttachmentType type, byte[] bytes) {
	}

	Checked check(Upload upload, String field) {
		long max = this.properties.maxSize().toBytes();
		if (upload.size() > max) {
			throw new InvalidInputException(field, "is larger than the size limit");
		}
		String name = checkName(upload.fileName(), field);
		byte[] bytes = upload.read();
		if (bytes.length == 0) {
			throw new InvalidInputException(field, "is empty");
		}
		if (bytes.length > max) {
			throw new InvalidInputException(field, "is larger than the size limit");
		}
		AttachmentType type = this.contentTypes.detect(bytes)
			.orElseThrow(() -> new InvalidInputException(field,
					"is not an accepted kind of file (photos, PDF, Word, Excel, PowerPoint)"));
		if (!type.matchesName(name)) {
			throw new InvalidInputException(field, "has a name whose extension does not match its content");
		}
		return new Checked(name, type, this.geotags.removedFrom(type, bytes, field));
	}

	long maxMegabytes() {
		return this.properties.maxSize().toMegabytes();
	}

	private static String checkName(String name, String field) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException(field, "has no file name");
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw new InvalidInputException(field, "has a file name longer than " + MAX_NAME_LENGTH + " characters");
		}
		if (name.contains("/") || name.contains("\\") || name.contains("..") || name.strip().startsWith(".")
				|| name.codePoints().anyMatch(InvisibleCharacters::isInvisible)) {
			throw new InvalidInputException(field, "has a file name with a path or control characters");
		}
		return name;
	}

}
