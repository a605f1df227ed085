package dev.holdfast.followup;

import java.util.Arrays;

/**
 * Empties the GPS directory of an EXIF (TIFF) structure in place: its entries and the
 * values they point to become zeros and its entry count 0, so that no offset anywhere in
 * the file moves. That is what lets a container whose boxes point into each other (HEIC)
 * lose its position without being rebuilt.
 */
final class TiffGps {

	private static final int GPS_POINTER = 0x8825;

	private static final int[] TYPE_SIZES = { 0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8 };

	private TiffGps() {
	}

	/**
	 * Empties the GPS directory of the TIFF structure between start and end; whether it
	 * had one.
	 */
	static boolean empty(byte[] data, int start, int end) {
		Tiff tiff = Tiff.at(data, start, end);
		if (tiff == null) {
			return false;
		}
		long ifd0 = tiff.u32(4);
		int entries = tiff.u16(ifd0);
		if (entries < 0 || !tiff.within(ifd0 + 2, 12L * entries)) {
			return false;
		}
		for (int i = 0; i < entries; i++) {
			long entry = ifd0 + 2 + 12L * i;
			if (tiff.u16(entry) == GPS_POINTER) {
				return emptyDirectory(tiff, tiff.u32(entry + 8));
			}
		}
		return false;
	}

	private static boolean emptyDirectory(Tiff tiff, long ifd) {
		int entries = tiff.u16(ifd);
		if (entries < 0 || !tiff.within(ifd + 2, 12L * entries)) {
			return false;
		}
		for (int i = 0; i < entries; i++) {
			long entry = ifd + 2 + 12L * i;
			int type = tiff.u16(entry + 2);
			long size = (type > 0 && type < TYPE_SIZES.length) ? TYPE_SIZES[type] * tiff.u32(entry + 4) : 0;
			long offset = tiff.u32(entry + 8);
			if (size > 4 && tiff.within(offset, size)) {
				tiff.zero(offset, size);
			}
		}
		// a count of 0 followed by zeros: no entries and no next directory
		tiff.zero(ifd, 2 + 12L * entries);
		return true;
	}

	/** A TIFF structure inside a larger array, read in its own byte order. */
	private record Tiff(byte[] data, int start, int end, boolean littleEndian) {

		static Tiff at(byte[] data, int start, int end) {
			if (start < 0 || end > data.length || end - start < 8) {
				return null;
			}
			boolean little = data[start] == 'I' && data[start + 1] == 'I';
			boolean big = data[start] == 'M' && data[start + 1] == 'M';
			Tiff tiff = new Tiff(data, start, end, little);
			return ((little || big) && tiff.u16(2) == 42) ? tiff : null;
		}

		boolean within(long offset, long length) {
			return offset >= 0 && length >= 0 && this.start + offset + length <= this.end;
		}

		/** The unsigned 16-bit value at the offset, or -1 outside the structure. */
		int u16(long offset) {
			if (!within(offset, 2)) {
				return -1;
			}
			int a = this.data[(int) (this.start + offset)] & 0xff;
			int b = this.data[(int) (this.start + offset + 1)] & 0xff;
			return this.littleEndian ? (b << 8) | a : (a << 8) | b;
		}

		/** The unsigned 32-bit value at the offset, or -1 outside the structure. */
		long u32(long offset) {
			if (!within(offset, 4)) {
				return -1;
			}
			long high = u16(this.littleEndian ? offset + 2 : offset);
			long low = u16(this.littleEndian ? offset : offset + 2);
			return (high << 16) | low;
		}

		void zero(long offset, long length) {
			int from = (int) (this.start + offset);
			Arrays.fill(this.data, from, (int) (from + length), (byte) 0);
		}

	}

}
