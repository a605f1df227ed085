package dev.holdfast.imports.reading;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The character set of a text file: its byte order mark, else UTF-8 when a prefix decodes
 * strictly as UTF-8, else GB18030 (the superset of GBK and GB2312 that Excel and phones
 * in China write). The stream is left after the mark, at the first character.
 */
final class TextCharsets {

	static final Charset GB18030 = Charset.forName("GB18030");

	private static final int PREFIX = 64 * 1024;

	private TextCharsets() {
	}

	static Charset detect(BufferedInputStream in) throws IOException {
		in.mark(PREFIX + 1);
		byte[] prefix = in.readNBytes(PREFIX);
		in.reset();
		if (startsWith(prefix, 0xEF, 0xBB, 0xBF)) {
			in.skipNBytes(3);
			return StandardCharsets.UTF_8;
		}
		if (startsWith(prefix, 0xFF, 0xFE)) {
			in.skipNBytes(2);
			return StandardCharsets.UTF_16LE;
		}
		if (startsWith(prefix, 0xFE, 0xFF)) {
			in.skipNBytes(2);
			return StandardCharsets.UTF_16BE;
		}
		return isUtf8(prefix, prefix.length < PREFIX) ? StandardCharsets.UTF_8 : GB18030;
	}

	private static boolean startsWith(byte[] bytes, int... mark) {
		if (bytes.length < mark.length) {
			return false;
		}
		for (int i = 0; i < mark.length; i++) {
			if ((bytes[i] & 0xFF) != mark[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Strict decoding; a character cut off by the end of a prefix does not count against
	 * it.
	 */
	static boolean isUtf8(byte[] bytes, boolean whole) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CharBuffer output = CharBuffer.allocate(bytes.length + 1);
		CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), output, whole);
		if (result.isError()) {
			return false;
		}
		return !whole || !decoder.flush(output).isError();
	}

}
