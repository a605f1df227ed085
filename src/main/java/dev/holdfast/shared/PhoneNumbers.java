package dev.holdfast.shared;

import java.util.Optional;

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
	 * {@code 13812345678}), or empty when the text is not a phone number at all.
	 */
	public static Optional<NationalNumber> national(String raw) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = util.parse(raw, DEFAULT_REGION);
			return Optional.of(new NationalNumber(number.getCountryCode(), util.getNationalSignificantNumber(number)));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A phone number split into its country calling code and national significant number.
	 */
	public record NationalNumber(int countryCode, String digits) {
	}

}
