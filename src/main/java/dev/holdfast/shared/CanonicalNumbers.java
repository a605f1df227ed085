package dev.holdfast.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Whole numbers in paths, query parameters and forms are bound only in their one
 * canonical decimal form: {@code 2}, never {@code +2}, {@code 02}, {@code 0x2},
 * {@code #2}, {@code " 2"} or {@code 2.0}. Spring's own conversion reads all of these as
 * 2, so that one record had many addresses, and anything keyed on the address (a limit, a
 * log, a cache) could be walked around. Another spelling is a 400 on every route, pages
 * and API alike.
 */
@Configuration(proxyBeanMethods = false)
class CanonicalNumbers implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, Long.class, CanonicalNumbers::toLong);
		registry.addConverter(String.class, Integer.class, CanonicalNumbers::toInteger);
	}

	/** The number, or null for an empty value (an empty field is no value). */
	static Long toLong(String text) {
		if (text.isEmpty()) {
			return null;
		}
		long value = Long.parseLong(text);
		requireCanonical(text, Long.toString(value));
		return value;
	}

	static Integer toInteger(String text) {
		if (text.isEmpty()) {
			return null;
		}
		int value = Integer.parseInt(text);
		requireCanonical(text, Integer.toString(value));
		return value;
	}

	private static void requireCanonical(String text, String canonical) {
		if (!canonical.equals(text)) {
			throw new NumberFormatException("not a number in canonical decimal form");
		}
	}

}
