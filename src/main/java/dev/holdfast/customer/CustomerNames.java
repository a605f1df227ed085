package dev.holdfast.customer;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The normalised form of a customer name for the duplicate check: full-width characters
 * folded (NFKC), lower case, no spaces or punctuation, and without a trailing legal form,
 * so that 「深圳星河贸易有限公司」, 「深圳 星河贸易」 and 「深圳星河贸易（有限公司）」 are the same company.
 */
public final class CustomerNames {

	/** Longest first, so that 股份有限公司 is removed whole rather than as 公司. */
	private static final List<String> LEGAL_FORMS = List.of("股份有限公司", "有限责任公司", "有限公司", "公司", "coltd", "ltd", "inc",
			"llc", "gmbh", "corp");

	private CustomerNames() {
	}

	public static String normalize(String name) {
		if (name == null) {
			return "";
		}
		String compact = Normalizer.normalize(name, Normalizer.Form.NFKC)
			.toLowerCase(Locale.ROOT)
			.replaceAll("[\\s\\p{P}\\p{S}]", "");
		for (String form : LEGAL_FORMS) {
			if (compact.endsWith(form) && compact.length() > form.length()) {
				return compact.substring(0, compact.length() - form.length());
			}
		}
		return compact;
	}

}
