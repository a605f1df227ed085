package dev.holdfast.customer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.holdfast.shared.PhoneNumbers;
import dev.holdfast.shared.SensitiveText;

/**
 * How a sensitive value looks to someone who may know it exists but not read it:
 * {@code 138****5678}, {@code z***@example.com}, {@code w***8}, {@code 广东省深圳市****}.
 * Enough to tell two contacts apart and to recognise a number one already knows, too
 * little to call or write to anyone.
 */
public final class Masking {

	private static final String STARS = "****";

	private static final int CHINA = 86;

	/** Province, region or municipality, then the city (or prefecture) within it. */
	private static final Pattern PROVINCE_CITY = Pattern
		.compile("^(.{2,8}?(?:省|自治区|特别行政区|北京市|上海市|天津市|重庆市))?(.{1,10}?(?:市|自治州|地区|盟))?");

	private Masking() {
	}

	/**
	 * The first three and last four digits of the national number, the country code in
	 * front when it is not China's. A Chinese landline shows its area code as people
	 * write it, with the trunk prefix 0, and its last four digits: {@code 0571****6666},
	 * {@code 010****5678} (the national number alone, {@code 571****6666}, reads as no
	 * number anyone dials).
	 */
	public static String phone(String value) {
		if (value == null) {
			return null;
		}
		return PhoneNumbers.national(value).map(n -> {
			if (n.countryCode() == CHINA && n.areaCodeLength() > 0 && n.digits().length() >= n.areaCodeLength() + 5) {
				return "0" + n.digits().substring(0, n.areaCodeLength())
						+ "*".repeat(n.digits().length() - n.areaCodeLength() - 4)
						+ n.digits().substring(n.digits().length() - 4);
			}
			String masked = digits(n.digits());
			return (n.countryCode() == CHINA) ? masked : "+" + n.countryCode() + " " + masked;
		}).orElseGet(() -> digits(value.replaceAll("\\D", "")));
	}

	private static String digits(String digits) {
		if (digits.length() >= 8) {
			return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
		}
		if (digits.length() > 2) {
			return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
		}
		return STARS;
	}

	/** The first letter of the mailbox and the whole domain. */
	public static String email(String value) {
		if (value == null) {
			return null;
		}
		int at = value.lastIndexOf('@');
		if (at <= 0) {
			return firstCodePoint(value) + "***";
		}
		return firstCodePoint(value) + "***" + value.substring(at);
	}

	/** The first and last character of a WeChat ID. */
	public static String wechat(String value) {
		if (value == null) {
			return null;
		}
		int length = value.codePointCount(0, value.length());
		if (length <= 2) {
			return firstCodePoint(value) + "*";
		}
		return firstCodePoint(value) + "***" + new String(Character.toChars(value.codePointBefore(value.length())));
	}

	/**
	 * The province and city of a Chinese address; of anything else, its first two
	 * characters.
	 */
	public static String address(String value) {
		if (value == null) {
			return null;
		}
		Matcher matcher = PROVINCE_CITY.matcher(value.strip());
		String kept = matcher.find() ? matcher.group() : "";
		if (kept.isEmpty() || kept.length() >= value.strip().length()) {
			int end = value.offsetByCodePoints(0, Math.min(2, value.codePointCount(0, value.length())));
			kept = value.substring(0, end);
		}
		return kept + STARS;
	}

	/**
	 * Free text with each phone number and e-mail address that {@link SensitiveText}
	 * finds in it masked as a contact's field is: {@code 139****5678},
	 * {@code b***@client.example}.
	 */
	public static String freeText(String text) {
		return SensitiveText.replace(text,
				f -> (f.kind() == SensitiveText.Kind.PHONE) ? phone(f.value()) : email(f.value()));
	}

	private static String firstCodePoint(String value) {
		return value.isEmpty() ? "" : new String(Character.toChars(value.codePointAt(0)));
	}

}
