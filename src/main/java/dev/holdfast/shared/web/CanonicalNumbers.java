package dev.holdfast.shared.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;

import org.springframework.util.StringUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole numbers in paths, query parameters and forms are bound only in their one
 * canonical decimal form: {@code 2}, never {@code +2}, {@code 02}, {@code 0x2},
 * {@code #2}, {@code " 2"}, {@code 2.0} or full-width digits. Spring's own conversion
 * reads all of these as 2, so that one record had many addresses, and anything keyed on
 * the address (a limit, a log, a cache) could be walked around. Another spelling is a 400
 * on every route, pages and API alike.
 * <p>
 * Registered as editors on every binder: a converter alone is not enough, because when a
 * conversion fails Spring falls back to its default editors, which accept them all.
 */
@ControllerAdvice
class CanonicalNumbers {

	@InitBinder
	void canonicalNumbers(WebDataBinder binder) {
		binder.registerCustomEditor(long.class, new Canonical(Long::parseLong, false));
		binder.registerCustomEditor(Long.class, new Canonical(Long::parseLong, true));
		binder.registerCustomEditor(int.class, new Canonical(Integer::parseInt, false));
		binder.registerCustomEditor(Integer.class, new Canonical(Integer::parseInt, true));
	}

	/** Parses a number and refuses it unless it prints back exactly as it was sent. */
	static final class Canonical extends PropertyEditorSupport {

		private final Function<String, Number> parse;

		private final boolean emptyIsNull;

		Canonical(Function<String, Number> parse, boolean emptyIsNull) {
			this.parse = parse;
			this.emptyIsNull = emptyIsNull;
		}

		@Override
		public void setAsText(String text) {
			if (this.emptyIsNull && !StringUtils.hasText(text)) {
				setValue(null);
				return;
			}
			Number value = this.parse.apply(text);
			if (!value.toString().equals(text)) {
				throw new IllegalArgumentException("not a number in canonical decimal form");
			}
			setValue(value);
		}

		@Override
		public String getAsText() {
			return getValue() == null ? "" : getValue().toString();
		}

	}

}
