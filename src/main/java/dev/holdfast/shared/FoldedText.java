package dev.holdfast.shared;

import java.text.Normalizer;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text folded for matching only: NFKC (full-width digits and {@code ＠} become ASCII),
 * every decimal digit of any script and the Chinese numerals written in a phone number
 * (〇零一幺二两三…, also the capitals 壹贰叁…) become ASCII digits. It remembers for each of its
 * characters where it came from, so that a match in the folded text replaces the original
 * span and the rest of the original text is returned untouched.
 */
final class FoldedText {

	private static final Map<Character, Character> NUMERALS = Map.ofEntries(Map.entry('〇', '0'), Map.entry('○', '0'),
			Map.entry('零', '0'), Map.entry('洞', '0'), Map.entry('一', '1'), Map.entry('幺', '1'), Map.entry('壹', '1'),
			Map.entry('二', '2'), Map.entry('两', '2'), Map.entry('贰', '2'), Map.entry('貳', '2'), Map.entry('三', '3'),
			Map.entry('叁', '3'), Map.entry('參', '3'), Map.entry('四', '4'), Map.entry('肆', '4'), Map.entry('五', '5'),
			Map.entry('伍', '5'), Map.entry('六', '6'), Map.entry('陆', '6'), Map.entry('陸', '6'), Map.entry('七', '7'),
			Map.entry('柒', '7'), Map.entry('拐', '7'), Map.entry('八', '8'), Map.entry('捌', '8'), Map.entry('九', '9'),
			Map.entry('玖', '9'), Map.entry('勾', '9'));

	private final String text;

	/** For each folded character, where its source starts and ends in the original. */
	private final int[] from;

	private final int[] to;

	private FoldedText(String text, int[] from, int[] to) {
		this.text = text;
		this.from = from;
		this.to = to;
	}

	static FoldedText of(String original) {
		Builder folded = new Builder(original.length());
		for (int i = 0; i < original.length();) {
			int codePoint = original.codePointAt(i);
			int next = i + Character.charCount(codePoint);
			String one = fold(codePoint);
			for (int c = 0; c < one.length(); c++) {
				folded.append(one.charAt(c), i, next);
			}
			i = next;
		}
		return folded.build();
	}

	private static String fold(int codePoint) {
		if (codePoint < 128) {
			return Character.toString(codePoint);
		}
		if (Character.isDigit(codePoint)) {
			return Character.toString('0' + Character.digit(codePoint, 10));
		}
		Character numeral = codePoint <= Character.MAX_VALUE ? NUMERALS.get((char) codePoint) : null;
		if (numeral != null) {
			return numeral.toString();
		}
		if (codePoint >= 0x4E00 && codePoint <= 0x9FFF) {
			// the unified ideographs are their own NFKC form: most of a Chinese text
			return Character.toString(codePoint);
		}
		return Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKC);
	}

	String text() {
		return this.text;
	}

	/** Where the folded characters {@code start} to {@code end} came from. */
	int originalStart(int start) {
		return this.from[start];
	}

	int originalEnd(int end) {
		return this.to[end - 1];
	}

	/**
	 * Every match of the pattern replaced; the characters of a replacement come from the
	 * whole original span of what they replace.
	 */
	FoldedText replace(Pattern pattern, Function<MatchResult, String> replacement) {
		Matcher matcher = pattern.matcher(this.text);
		Builder result = new Builder(this.text.length());
		int last = 0;
		while (matcher.find()) {
			if (matcher.end() == matcher.start()) {
				continue;
			}
			copy(result, last, matcher.start());
			String with = replacement.apply(matcher);
			for (int c = 0; c < with.length(); c++) {
				result.append(with.charAt(c), this.from[matcher.start()], this.to[matcher.end() - 1]);
			}
			last = matcher.end();
		}
		copy(result, last, this.text.length());
		return result.build();
	}

	private void copy(Builder into, int start, int end) {
		for (int i = start; i < end; i++) {
			into.append(this.text.charAt(i), this.from[i], this.to[i]);
		}
	}

	private static final class Builder {

		private final StringBuilder text;

		private int[] from;

		private int[] to;

		Builder(int capacity) {
			this.text = new StringBuilder(capacity);
			this.from = new int[Math.max(16, capacity)];
			this.to = new int[Math.max(16, capacity)];
		}

		void append(char c, int start, int end) {
			int at = this.text.length();
			if (at == this.from.length) {
				this.from = java.util.Arrays.copyOf(this.from, at * 2);
				this.to = java.util.Arrays.copyOf(this.to, at * 2);
			}
			this.text.append(c);
			this.from[at] = start;
			this.to[at] = end;
		}

		FoldedText build() {
			return new FoldedText(this.text.toString(), this.from, this.to);
		}

	}

}
