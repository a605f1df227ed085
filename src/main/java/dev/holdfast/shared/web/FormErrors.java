package dev.holdfast.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import dev.holdfast.shared.InvalidInputException;

/**
 * The errors of a submitted web form as field → message in the user's language, for
 * showing next to the fields. Messages of the services are English sentences; a message
 * key {@code service.<sentence with _ for every other character>} translates one. A
 * sentence with numbers in it ({@code "at most 20 files at a time"}) that has no key of
 * its own is translated by the key of its {@link #template(String) template} ({@code "at
 * most {0} files at a time"}), the numbers as its arguments.
 */
@Component
public class FormErrors {

	private static final Pattern NUMBER = Pattern.compile("[0-9]+");

	private final MessageSource messages;

	FormErrors(MessageSource messages) {
		this.messages = messages;
	}

	public Map<String, String> of(BindingResult result) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : result.getFieldErrors()) {
			errors.putIfAbsent(error.getField(), this.messages.getMessage(error, LocaleContextHolder.getLocale()));
		}
		result.getGlobalErrors()
			.forEach(error -> errors.putIfAbsent("form",
					this.messages.getMessage(error, LocaleContextHolder.getLocale())));
		return errors;
	}

	public Map<String, String> of(InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.fields().forEach((field, message) -> errors.put(field, translate(message)));
		return errors;
	}

	/**
	 * A service's English sentence in the user's language, when there is a translation.
	 */
	public String translate(String message) {
		if (message == null) {
			return "";
		}
		String translated = translation(message);
		return (translated != null) ? translated : message;
	}

	/**
	 * A service's sentence in the user's language, or the message of {@code otherwise}
	 * when it has no translation (a refusal whose page has its own words).
	 */
	public String translate(String message, String otherwise) {
		String translated = (message != null) ? translation(message) : null;
		return (translated != null) ? translated
				: this.messages.getMessage(otherwise, null, otherwise, LocaleContextHolder.getLocale());
	}

	private String translation(String message) {
		Locale locale = LocaleContextHolder.getLocale();
		String exact = this.messages.getMessage(key(message), null, null, locale);
		if (exact != null) {
			return exact;
		}
		List<String> numbers = NUMBER.matcher(message).results().map(MatchResult::group).toList();
		if (numbers.isEmpty()) {
			return null;
		}
		return this.messages.getMessage(key(template(message)), numbers.toArray(), null, locale);
	}

	/** The message key of a service's sentence. */
	public static String key(String sentence) {
		return "service." + sentence.replaceAll("[^A-Za-z0-9]", "_");
	}

	/** The sentence with its numbers as arguments: {@code {0}}, {@code {1}}, … */
	public static String template(String sentence) {
		int[] argument = { 0 };
		return NUMBER.matcher(sentence).replaceAll(number -> "{" + argument[0]++ + "}");
	}

}
