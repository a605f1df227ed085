package dev.holdfast.followup;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Photos as a phone writes them: EXIF with the orientation (6, turned 90° clockwise) and
 * the GPS position of 上海人民广场, built with Apache Commons Imaging, in JPEG (with an XMP
 * copy of the position too), PNG ({@code eXIf}), WebP ({@code EXIF}) and a minimal HEIF
 * whose EXIF item the boxes point at.
 */
final class GeotaggedPhotos {

	static final double LONGITUDE = 121.4737;

	static final double LATITUDE = 31.2304;

	static final int ORIENTATION = 6;

	/** A 1×1 lossless WebP in the simple format. */
	private static final byte[] WEBP_1X1 = Base64.getDecoder()
		.decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

	private static final String XMP = """
			<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
			<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/"
			 exif:GPSLatitude="31,13.824N" exif:GPSLongitude="121,28.422E"/></rdf:RDF></x:xmpmeta>""";

	private GeotaggedPhotos() {
	}

	static byte[] jpeg() {
		try {
			ByteArrayOutputStream withExif = new ByteArrayOutputStream();
			new ExifRewriter().updateExifMetadataLossless(SampleFiles.photo(Color.ORANGE), withExif, exif());
			ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
			new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), withXmp, XMP);
			return withXmp.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] png() {
		byte[] png = SampleFiles.png();
		// after the signature (8) and IHDR (12 + 13)
		return concat(slice(png, 0, 33), pngChunk("eXIf", tiff()), slice(png, 33, png.length));
	}

	static byte[] webp() {
		byte[] vp8l = slice(WEBP_1X1, 12, WEBP_1X1.length);
		// VP8X: the EXIF flag, a 1×1 canvas
		byte[] vp8x = riffChunk("VP8X", new byte[] { 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
		byte[] body = concat("WEBP".getBytes(StandardCharsets.ISO_8859_1), vp8x, vp8l, riffChunk("EXIF", tiff()));
		return concat("RIFF".getBytes(StandardCharsets.ISO_8859_1), le32(body.length), body);
	}

	static byte[] heif() {
		byte[] ftyp = box("ftyp", concat(ascii("heic"), be32(0), ascii("mif1"), ascii("heic")));
		byte[] hdlr = fullBox("hdlr", concat(be32(0), ascii("pict"), new byte[13]));
		byte[] infe = box("infe", concat(new byte[] { 2, 0, 0, 0, 0, 1, 0, 0 }, ascii("Exif"), new byte[1]));
		byte[] iinf = fullBox("iinf", concat(new byte[] { 0, 1 }, infe));
		byte[] item = concat(be32(6), ascii("Exif"), new byte[2], tiff());
		// the EXIF item's offset depends on the size of the boxes before it, not on its
		// value
		int offset = ftyp.length + fullBox("meta", concat(hdlr, iinf, iloc(0, item.length))).length + 8;
		byte[] meta = fullBox("meta", concat(hdlr, iinf, iloc(offset, item.length)));
		return concat(ftyp, meta, box("mdat", item));
	}

	/** Whether an image's EXIF holds a GPS position, read with metadata-extractor. */
	static boolean hasGps(byte[] image) {
		try {
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
			return metadata.getDirectoriesOfType(GpsDirectory.class)
				.stream()
				.anyMatch(gps -> gps.getGeoLocation() != null);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** EXIF (IFD0) orientation of an image, 1 when it has none. */
	static int orientation(byte[] image) {
		try {
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
			ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
			return (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION))
					? ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION) : 1;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static TiffOutputSet exif() {
		try {
			TiffOutputSet set = new TiffOutputSet(ByteOrder.BIG_ENDIAN);
			set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) ORIENTATION);
			set.setGpsInDegrees(LONGITUDE, LATITUDE);
			return set;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] tiff() {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			new TiffImageWriterLossy(ByteOrder.BIG_ENDIAN).write(out, exif());
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] iloc(int offset, int length) {
		return fullBox("iloc", concat(new byte[] { 0x44, 0x00, 0, 1, 0, 1, 0, 0, 0, 1 }, be32(offset), be32(length)));
	}

	private static byte[] pngChunk(String type, byte[] data) {
		byte[] typed = concat(ascii(type), data);
		CRC32 crc = new CRC32();
		crc.update(typed);
		return concat(be32(data.length), typed, be32((int) crc.getValue()));
	}

	private static byte[] riffChunk(String type, byte[] data) {
		byte[] chunk = concat(ascii(type), le32(data.length), data);
		return (data.length % 2 == 0) ? chunk : concat(chunk, new byte[1]);
	}

	private static byte[] box(String type, byte[] payload) {
		return concat(be32(8 + payload.length), ascii(type), payload);
	}

	private static byte[] fullBox(String type, byte[] payload) {
		return box(type, concat(new byte[4], payload));
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] be32(int value) {
		return new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value };
	}

	private static byte[] le32(int value) {
		return new byte[] { (byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24) };
	}

	private static byte[] slice(byte[] bytes, int from, int to) {
		return java.util.Arrays.copyOfRange(bytes, from, to);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.write(part, 0, part.length);
		}
		return out.toByteArray();
	}

}
