package dev.holdfast.followup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * A JPEG without its location, rewritten with Apache Commons Imaging segment by segment:
 * the image data is copied untouched (lossless). The EXIF keeps every directory but GPS;
 * XMP and IPTC, which can name a position or a place, go. EXIF that can't be rewritten
 * goes as a whole, and only its orientation is written back.
 */
final class JpegGeotags {

	private JpegGeotags() {
	}

	/** The JPEG without location, or null when it could not be rewritten. */
	static byte[] removedFrom(byte[] jpeg) {
		try {
			byte[] withoutGps = withoutGpsDirectory(jpeg);
			if (withoutGps == null || Geotags.hasLocation(withoutGps)) {
				withoutGps = onlyOrientation(jpeg);
			}
			return withoutIptc(withoutXmp(withoutGps));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static byte[] withoutGpsDirectory(byte[] jpeg) throws IOException {
		TiffImageMetadata exif = exifOf(jpeg);
		if (exif == null) {
			return jpeg;
		}
		TiffOutputSet all = exif.getOutputSet();
		TiffOutputSet kept = new TiffOutputSet(all.byteOrder);
		for (TiffOutputDirectory directory : all) {
			if (directory.getType() != TiffDirectoryConstants.DIRECTORY_TYPE_GPS) {
				kept.addDirectory(directory);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
		new ExifRewriter().updateExifMetadataLossless(jpeg, out, kept);
		return out.toByteArray();
	}

	/** Without any EXIF but the orientation, for EXIF the lossless rewrite can't keep. */
	private static byte[] onlyOrientation(byte[] jpeg) throws IOException {
		TiffImageMetadata exif = exifOf(jpeg);
		Object orientation = exif == null ? null : exif.getFieldValue(TiffTagConstants.TIFF_TAG_ORIENTATION);
		ByteArrayOutputStream bare = new ByteArrayOutputStream(jpeg.length);
		new ExifRewriter().removeExifMetadata(jpeg, bare);
		if (!(orientation instanceof Number value) || value.intValue() == 1) {
			return bare.toByteArray();
		}
		TiffOutputSet set = new TiffOutputSet();
		set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, value.shortValue());
		ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
		new ExifRewriter().updateExifMetadataLossless(bare.toByteArray(), out, set);
		return out.toByteArray();
	}

	private static byte[] withoutXmp(byte[] jpeg) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
		new JpegXmpRewriter().removeXmpXml(jpeg, out);
		return out.toByteArray();
	}

	private static byte[] withoutIptc(byte[] jpeg) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
		new JpegIptcRewriter().removeIptc(jpeg, out);
		return out.toByteArray();
	}

	private static TiffImageMetadata exifOf(byte[] jpeg) throws IOException {
		return (Imaging.getMetadata(jpeg) instanceof JpegImageMetadata metadata) ? metadata.getExif() : null;
	}

}
