package dev.holdfast.imports.mapping;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.holdfast.shared.Sha256;

/**
 * Header names as the mapping compares them: full-width characters made half-width
 * (NFKC), lower case, hints in brackets ({@code (必填)}, {@code 【选填】}) and required markers
 * ({@code *}, {@code ＊}) removed, and no spaces or punctuation left.
 */
public final class HeaderNames {

	private static final Pattern HINT = Pattern.compile("[(\\[【〔].*?[)\\]】〕]");

	private static final Pattern NOISE = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s\\p{Cc}\\p{Cf}]+");

	private HeaderNames() {
	}

	public static String normalize(String name) {
		if (name == null) {
			return "";
		}
		String text = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		String withoutHints = HINT.matcher(text).replaceAll("");
		String normalized = NOISE.matcher(withoutHints).replaceAll("");
		// a header that is nothing but a hint, e.g. "(备注)", keeps its words
		return normalized.isEmpty() ? NOISE.matcher(text).replaceAll("") : normalized;
	}

	/**
	 * The layout of a header row: the same for every file whose headers normalise alike.
	 */
	public static String layout(List<String> names) {
		StringBuilder joined = new StringBuilder();
		for (String name : names) {
			joined.append(normalize(name)).append('\u001f');
		}
		return Sha256.hex(joined.toString());
	}

}
