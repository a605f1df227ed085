package dev.holdfast.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Phone numbers and e-mail addresses in free text (a follow-up, a note, a name), also
 * when disguised: the one detector behind know-how redaction and the masking of free text
 * in exports. The text is folded first ({@link FoldedText}: NFKC, digits of any script,
 * Chinese numerals such as 一三八零零 or 幺/两/〇 and the capitals 壹贰叁), then matched: mobiles
 * however their digits are separated ({@code 138_0013_8000}, {@code 138.0013.8000},
 * {@code 1 3 8 0 0 …}), landlines with an area code, 400/800 numbers, a bare number after
 * a word that says it is one (电话, 分机, tel, …), whatever libphonenumber's
 * {@code PhoneNumberMatcher} finds (numbers with a country code), and e-mail addresses
 * with {@code ＠}, {@code (at)}, {@code 艾特}, {@code (dot)} or {@code 点} instead of
 * {@code @} and {@code .}.
 * <p>
 * Known over-reach, kept because a missed number costs more: a digit string of phone
 * shape inside an order or contract number (an 11-digit run starting 13–19, or one
 * starting 0 or 400/800) is taken for a number. Dates, amounts written with thousands
 * separators ({@code 13,800,000元}), percentages and ordinary prose are left alone.
 */
public final class SensitiveText {

	/** What was found. */
	public enum Kind {

		PHONE, EMAIL

	}

	/**
	 * One phone number or e-mail address: where it stands in the original text, and its
	 * plain form (a mainland number's digits, another's {@code +} and digits; an e-mail
	 * in lower case).
	 */
	public record Found(Kind kind, int start, int end, String value) {
	}

	private static final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

	/** What people put between the digits of a number; never a comma (amounts). */
	private static final String SEP = "[\\s_\\-.·・/\\\\|~—–−]{0,3}";

	private static final List<Pattern> PHONES = List.of(
			// mobiles, with a country code or not, however separated
			Pattern.compile("(?<!\\d)(?:(?:\\+|00)?" + SEP + "86" + SEP + ")?1[3-9](?:" + SEP + "\\d){9}(?!\\d)"),
			// landlines with an area code: 021-62345678, (0755)8888 6666, 010
			// 12345678-801
			Pattern.compile("(?<!\\d)(?:\\(\\s*0\\d{2,3}\\s*\\)|0\\d{2,3})" + SEP + "\\d{3,4}" + SEP
					+ "\\d{4}(?:-\\d{1,5})?(?!\\d)"),
			// 400/800 service numbers
			Pattern.compile("(?<!\\d)[48]00" + SEP + "\\d{3}" + SEP + "\\d{4}(?!\\d)"));

	/** A bare local number right after a word that says it is one. */
	private static final Pattern CUED = Pattern
		.compile("(?i)(?:电话|手机|座机|分机|联系方式|tel|phone|mobile|cell)\\s*(?:号码?|是|为)?\\s*[:=]?\\s*(\\d(?:" + SEP
				+ "\\d){6,11})(?!\\d)");

	/**
	 * A number with a country code, or nine digits or more with little between them: what
	 * is left for libphonenumber (the slow part) once the patterns have looked.
	 */
	private static final Pattern LONG_NUMBER = Pattern.compile("\\+\\s*\\d|\\d(?:[^\\d\\p{L}]{0,3}\\d){8,}");

	/** Without an {@code @} or a word for it there is no e-mail to look for. */
	private static final Pattern AT_WORD = Pattern.compile("(?i)at|艾特");

	private static final String ALNUM = "[A-Za-z0-9]";

	private static final List<Pattern> DOTS = List.of(Pattern.compile("\\s*[(\\[{【〔]\\s*(?i:dot|点)\\s*[)\\]}】〕]\\s*"),
			Pattern.compile("(?<=" + ALNUM + ")\\s+(?i:dot)\\s+(?=[A-Za-z])"),
			Pattern.compile("(?<=" + ALNUM + ")(?:。|点|\\s+\\.\\s+)(?=[A-Za-z]{2})"));

	private static final List<Pattern> ATS = List.of(Pattern.compile("\\s*[(\\[{【〔<]\\s*(?i:at|艾特)\\s*[)\\]}】〕>]\\s*"),
			Pattern.compile("(?<=[A-Za-z0-9._%+-])\\s*(?:艾特|@)\\s*(?=" + ALNUM + ")"),
			Pattern.compile("(?<=" + ALNUM + ")\\s+(?i:at)\\s+(?=[A-Za-z][A-Za-z0-9-]*\\.[A-Za-z]{2})"));

	private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-]"
			+ "@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}");

	private SensitiveText() {
	}

	/** Every phone number and e-mail address in the text, in order, none overlapping. */
	public static List<Found> find(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		FoldedText folded = FoldedText.of(text);
		String plain = folded.text();
		List<Found> found = new ArrayList<>();
		if (plain.indexOf('@') >= 0 || AT_WORD.matcher(plain).find()) {
			emails(folded, found);
		}
		if (plain.chars().filter(c -> c >= '0' && c <= '9').count() >= 7) {
			phones(folded, found);
		}
		return withoutOverlaps(found);
	}

	/** Whether the text holds a phone number or an e-mail address. */
	public static boolean contains(String text) {
		return !find(text).isEmpty();
	}

	/** The text with each phone number and e-mail address replaced. */
	public static String replace(String text, Function<Found, String> replacement) {
		List<Found> found = find(text);
		if (found.isEmpty()) {
			return text;
		}
		StringBuilder result = new StringBuilder(text.length());
		int last = 0;
		for (Found f : found) {
			result.append(text, last, f.start()).append(replacement.apply(f));
			last = f.end();
		}
		return result.append(text, last, text.length()).toString();
	}

	private static void emails(FoldedText folded, List<Found> found) {
		FoldedText email = folded;
		for (Pattern dot : DOTS) {
			email = email.replace(dot, m -> ".");
		}
		for (Pattern at : ATS) {
			email = email.replace(at, m -> "@");
		}
		Matcher matcher = EMAIL.matcher(email.text());
		while (matcher.find()) {
			found.add(new Found(Kind.EMAIL, email.originalStart(matcher.start()), email.originalEnd(matcher.end()),
					matcher.group().toLowerCase(Locale.ROOT)));
		}
	}

	private static void phones(FoldedText folded, List<Found> found) {
		String plain = folded.text();
		for (Pattern phone : PHONES) {
			Matcher matcher = phone.matcher(plain);
			while (matcher.find()) {
				found.add(phone(folded, matcher.start(), matcher.end(), matcher.group()));
			}
		}
		Matcher cued = CUED.matcher(plain);
		while (cued.find()) {
			found.add(phone(folded, cued.start(1), cued.end(1), cued.group(1)));
		}
		if (LONG_NUMBER.matcher(plain).find()) {
			for (PhoneNumberMatch match : phoneNumbers.findNumbers(plain, "CN")) {
				found.add(new Found(Kind.PHONE, folded.originalStart(match.start()), folded.originalEnd(match.end()),
						plain(match)));
			}
		}
	}

	private static Found phone(FoldedText folded, int start, int end, String match) {
		String digits = match.replaceAll("\\D", "");
		if (digits.matches("(00)?861[3-9]\\d{9}")) {
			digits = digits.substring(digits.length() - 11);
		}
		return new Found(Kind.PHONE, folded.originalStart(start), folded.originalEnd(end), digits);
	}

	private static String plain(PhoneNumberMatch match) {
		int country = match.number().getCountryCode();
		String national = phoneNumbers.getNationalSignificantNumber(match.number());
		return country == 86 ? national : "+" + country + national;
	}

	/**
	 * Earliest first; of two that overlap, the longer (an e-mail over the digits in it).
	 */
	private static List<Found> withoutOverlaps(List<Found> found) {
		found.sort(Comparator.comparingInt(Found::start).thenComparing(f -> -(f.end() - f.start())));
		List<Found> kept = new ArrayList<>();
		for (Found f : found) {
			Found previous = kept.isEmpty() ? null : kept.get(kept.size() - 1);
			if (previous == null || f.start() >= previous.end()) {
				kept.add(f);
			}
			else if (f.end() > previous.end() && f.end() - f.start() > previous.end() - previous.start()) {
				kept.set(kept.size() - 1, f);
			}
		}
		return kept;
	}

}
