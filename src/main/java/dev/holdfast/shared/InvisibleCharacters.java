package dev.holdfast.shared;

/**
 * Characters a name typed or sent by a client must not carry because nobody sees them:
 * control characters, formatting characters such as a right-to-left override (U+202E,
 * which makes {@code 名单\u202Efdp.csv} read as a PDF's name), and line or paragraph
 * separators. Attachments refuse a file name with one; imports drop them.
 */
public final class InvisibleCharacters {

	private InvisibleCharacters() {
	}

	public static boolean isInvisible(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR;
	}

}
