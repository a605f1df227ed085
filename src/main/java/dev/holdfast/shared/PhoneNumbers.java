package dev.holdfast.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as libphonenumber understands them; numbers without a country code are
 * read as mainland China's.
 */
public final class PhoneNumbers {

	private static final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	private static final String DEFAULT_REGION = "CN";

	/** The numbers normalized inside {@link #once}, on this thread; null outside. */
	private static final ThreadLocal<Map<String, Optional<String>>> ONCE = new ThreadLocal<>();

	private PhoneNumbers() {
	}

	/**
	 * The number in E.164 form ({@code +8613812345678}), or empty when it is not a valid
	 * number.
	 */
	public static Optional<String> normalize(String raw) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		Map<String, Optional<String>> known = ONCE.get();
		if (known == null) {
			return parse(raw);
		}
		Optional<String> number = known.get(raw);
		if (number == null) {
			number = parse(raw);
			known.put(raw, number);
			// the E.164 form is what the work passes on (the contact's phone, its blind
			// index): it is its own normalized form, not parsed a second time
			number.ifPresent(e164 -> known.putIfAbsent(e164, Optional.of(e164)));
		}
		return number;
	}

	/**
	 * Runs work in which each number is parsed once on this thread, however often it is
	 * normalized: an import's chunk reads, checks, indexes and writes every phone of its
	 * rows, six parses each, a third of its time. What was parsed is forgotten when the
	 * work returns (nothing is kept beyond it).
	 */
	public static <T> T once(Supplier<T> work) {
		if (ONCE.get() != null) {
			return work.get();
		}
		ONCE.set(new HashMap<>());
		try {
			return work.get();
		}
		finally {
			ONCE.remove();
		}
	}

	private static Optional<String> parse(String raw) {
		try {
			PhoneNumber number = util.parse(raw, DEFAULT_REGION);
			if (!util.isValidNumber(number)) {
				return Optional.empty();
			}
			return Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	public static boolean isValid(String raw) {
		return normalize(raw).isPresent();
	}

	/**
	 * The country calling code and the national significant number ({@code 86},
	 * {@code 13812345678}), with the length of its area code (0 for a mobile; 3 for
	 * {@code 0571-88886666}, whose national significant number {@code 57188886666} drops
	 * the trunk prefix 0), or empty when the text is not a phone number at all.
	 */
	public static Optional<NationalNumber> national(String raw) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = util.parse(raw, DEFAULT_REGION);
			return Optional.of(new NationalNumber(number.getCountryCode(), util.getNationalSignificantNumber(number),
					util.getLengthOfGeographicalAreaCode(number)));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A phone number split into its country calling code and national significant number,
	 * and the length of the area code this begins with (0: none, as for a mobile).
	 */
	public record NationalNumber(int countryCode, String digits, int areaCodeLength) {
	}

}
