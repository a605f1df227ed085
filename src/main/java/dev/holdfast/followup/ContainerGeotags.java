package dev.holdfast.followup;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * PNG, WebP and HEIC/HEIF photos without their location. PNG: the GPS directory of the
 * {@code eXIf} chunk is emptied (its checksum recomputed) and XMP or raw EXIF text chunks
 * are dropped. WebP: the GPS directory of the {@code EXIF} chunk is emptied and an XMP
 * packet naming a position is blanked, both in place. HEIC/HEIF: the same in place on the
 * EXIF and XMP items, found by their signatures, because the container's boxes point at
 * byte offsets that must not move. The orientation stays wherever it was.
 */
final class ContainerGeotags {

	private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

	private static final byte[] XMP_START = "<x:xmpmeta".getBytes(StandardCharsets.ISO_8859_1);

	private static final byte[] XMP_END = "</x:xmpmeta>".getBytes(StandardCharsets.ISO_8859_1);

	private ContainerGeotags() {
	}

	/** The PNG without location, or null when its chunks can't be read. */
	static byte[] png(byte[] png) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
		out.write(png, 0, 8);
		int at = 8;
		while (at + 12 <= png.length) {
			long length = u32(png, at, false);
			if (at + 12L + length > png.length) {
				return null;
			}
			byte[] chunk = Arrays.copyOfRange(png, at, at + 12 + (int) length);
			String type = new String(chunk, 4, 4, StandardCharsets.ISO_8859_1);
			if (type.equals("eXIf") && TiffGps.empty(chunk, 8, chunk.length - 4)) {
				CRC32 crc = new CRC32();
				crc.update(chunk, 4, chunk.length - 8);
				putU32(chunk, chunk.length - 4, crc.getValue());
			}
			if (!metadataText(type, chunk)) {
				out.write(chunk, 0, chunk.length);
			}
			at += chunk.length;
			if (type.equals("IEND")) {
				break;
			}
		}
		return out.toByteArray();
	}

	/** The WebP without location, or null when it is no RIFF WebP. */
	static byte[] webp(byte[] webp) {
		byte[] copy = webp.clone();
		if (copy.length < 12 || !ascii(copy, 0, "RIFF") || !ascii(copy, 8, "WEBP")) {
			return null;
		}
		int at = 12;
		while (at + 8 <= copy.length) {
			long size = u32(copy, at + 4, true);
			int data = at + 8;
			if (data + size > copy.length) {
				return null;
			}
			int end = (int) (data + size);
			if (ascii(copy, at, "EXIF")) {
				TiffGps.empty(copy, startsWith(copy, data, EXIF) ? data + EXIF.length : data, end);
			}
			else if (ascii(copy, at, "XMP ")) {
				blankXmp(copy, data, end);
			}
			at = end + (int) (size & 1);
		}
		return copy;
	}

	/** The HEIC/HEIF without location, in place. */
	static byte[] heif(byte[] heif) {
		byte[] copy = heif.clone();
		for (int at = indexOf(copy, EXIF, 0, copy.length); at >= 0; at = indexOf(copy, EXIF, at + 1, copy.length)) {
			TiffGps.empty(copy, at + EXIF.length, copy.length);
		}
		blankXmp(copy, 0, copy.length);
		return copy;
	}

	/** XMP packets that name a position become blanks of the same length. */
	private static void blankXmp(byte[] data, int from, int to) {
		for (int start = indexOf(data, XMP_START, from, to); start >= 0; start = indexOf(data, XMP_START, start + 1,
				to)) {
			int end = indexOf(data, XMP_END, start, to);
			if (end < 0) {
				return;
			}
			end += XMP_END.length;
			String packet = new String(data, start, end - start, StandardCharsets.UTF_8);
			if (packet.contains("GPS") || packet.contains("Location")) {
				Arrays.fill(data, start, end, (byte) ' ');
			}
		}
	}

	private static boolean metadataText(String type, byte[] chunk) {
		if (!type.equals("iTXt") && !type.equals("tEXt") && !type.equals("zTXt")) {
			return false;
		}
		int end = 8;
		while (end < chunk.length - 4 && chunk[end] != 0) {
			end++;
		}
		String keyword = new String(chunk, 8, end - 8, StandardCharsets.ISO_8859_1);
		return keyword.equals("XML:com.adobe.xmp") || keyword.startsWith("Raw profile type");
	}

	private static int indexOf(byte[] data, byte[] pattern, int from, int to) {
		for (int i = Math.max(0, from); i + pattern.length <= to; i++) {
			if (startsWith(data, i, pattern)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean startsWith(byte[] data, int at, byte[] pattern) {
		if (at + pattern.length > data.length) {
			return false;
		}
		for (int i = 0; i < pattern.length; i++) {
			if (data[at + i] != pattern[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean ascii(byte[] data, int at, String text) {
		return startsWith(data, at, text.getBytes(StandardCharsets.ISO_8859_1));
	}

	private static long u32(byte[] data, int at, boolean littleEndian) {
		long value = 0;
		for (int i = 0; i < 4; i++) {
			int b = data[littleEndian ? at + 3 - i : at + i] & 0xff;
			value = (value << 8) | b;
		}
		return value;
	}

	private static void putU32(byte[] data, int at, long value) {
		for (int i = 0; i < 4; i++) {
			data[at + i] = (byte) (value >>> (24 - 8 * i));
		}
	}

}
