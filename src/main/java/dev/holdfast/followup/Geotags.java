package dev.holdfast.followup;

import java.io.ByteArrayInputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;

import org.springframework.stereotype.Component;

import dev.holdfast.shared.InvalidInputException;

/**
 * Photos lose where they were taken before they are stored: a phone writes its GPS
 * position into every picture, and a file on a customer's follow-up is downloaded by
 * whoever works the customer later. JPEG is rewritten losslessly without its GPS
 * directory, XMP and IPTC, keeping the orientation; PNG, WebP and HEIC/HEIF have the GPS
 * directory emptied in place and XMP with a position blanked (see
 * {@link ContainerGeotags}). A photo without a position is stored exactly as it came; one
 * whose position can't be removed is refused, never stored with it.
 */
@Component
class Geotags {

	/** The photo without its location; the bytes as they are when it has none. */
	byte[] removedFrom(AttachmentType type, byte[] bytes, String field) {
		if (!type.image() || !hasLocation(bytes)) {
			return bytes;
		}
		byte[] stripped = switch (type) {
			case JPEG -> JpegGeotags.removedFrom(bytes);
			case PNG -> ContainerGeotags.png(bytes);
			case WEBP -> ContainerGeotags.webp(bytes);
			default -> ContainerGeotags.heif(bytes);
		};
		if (stripped == null || hasLocation(stripped)) {
			throw new InvalidInputException(field, "is a photo whose location could not be removed");
		}
		return stripped;
	}

	/**
	 * Whether the image names a position: any GPS tag in its EXIF, or a GPS property in
	 * its XMP. Metadata that can't be read counts as a position (fail closed).
	 */
	static boolean hasLocation(byte[] image) {
		Metadata metadata;
		try {
			metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
		}
		catch (Exception ex) {
			return true;
		}
		for (Directory directory : metadata.getDirectories()) {
			if (directory instanceof GpsDirectory gps && gps.getTagCount() > 0) {
				return true;
			}
			if (directory instanceof XmpDirectory xmp
					&& xmp.getXmpProperties().keySet().stream().anyMatch(Geotags::locationProperty)) {
				return true;
			}
		}
		return false;
	}

	private static boolean locationProperty(String name) {
		return name.contains(":GPS") || name.contains("LocationCreated") || name.contains("LocationShown");
	}

}
