package dev.holdfast.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import dev.holdfast.shared.InvalidInputException;

/**
 * The errors of a submitted web form as field → message in the user's language, for
 * showing next to the fields. Messages of the services are English sentences; a message
 * key {@code service.<sentence with _ for every other character>} translates one.
 */
@Component
public class FormErrors {

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
		String key = "service." + message.replaceAll("[^A-Za-z0-9]", "_");
		return this.messages.getMessage(key, null, message, LocaleContextHolder.getLocale());
	}

}
