package dev.holdfast.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one canonical form of a username, used wherever a username is stored, looked up or
 * counted (login, the login lockout, the token endpoint, employee creation, SCIM and
 * single sign-on): NFKC (full-width {@code ＩＴ} is {@code it}), then a lower case that
 * does not depend on the server's locale, then without combining marks, so that the
 * dotted capital {@code İ} (which lower-cases to {@code i} and a combining dot) is
 * {@code i}. Two spellings that come out the same are the same account, with the same
 * failure counter.
 */
public final class Usernames {

	/** The longest canonical username; longer input names nobody. */
	public static final int MAX_LENGTH = 64;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private Usernames() {
	}

	/** The canonical form; an empty string for null. */
	public static String canonical(String username) {
		if (username == null) {
			return "";
		}
		String folded = Normalizer.normalize(username, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		String unmarked = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
		return Normalizer.normalize(unmarked, Normalizer.Form.NFC).strip();
	}

}
