package dev.holdfast.knowhow;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ways a rep writes a company's name in a note: in full, without its legal form
 * (有限公司, 集团, ...), without the leading city, and by its brand ("上海华东精密机械有限公司" is also
 * "上海华东精密机械", "华东精密机械" and "华东精密").
 */
final class CustomerNameForms {

	private static final Pattern LEGAL_FORM = Pattern
		.compile("(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|厂|(?i)\\s*(co\\.?,?\\s*)?(ltd\\.?|inc\\.?|llc|gmbh))$");

	private CustomerNameForms() {
	}

	static Set<String> of(String name) {
		Set<String> forms = new LinkedHashSet<>();
		if (name == null || name.isBlank()) {
			return forms;
		}
		String full = name.strip();
		forms.add(full);
		String core = LEGAL_FORM.matcher(full).replaceAll("").strip();
		if (core.length() >= 2) {
			forms.add(core);
		}
		boolean chinese = core.codePoints()
			.limit(2)
			.allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
		if (chinese && core.length() >= 4) {
			String afterCity = core.substring(2);
			forms.add(afterCity);
			// the brand and trade without the rest: "华东精密" of "华东精密机械"
			if (afterCity.length() >= 6) {
				forms.add(afterCity.substring(0, 4));
			}
		}
		return forms;
	}

}
