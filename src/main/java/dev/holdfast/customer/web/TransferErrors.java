package dev.holdfast.customer.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.web.FormErrors;
import dev.holdfast.shared.InvalidInputException;

/**
 * A refused transfer as messages next to the fields of the transfer forms, in the user's
 * language.
 */
@Component
class TransferErrors {

	private final FormErrors formErrors;

	private final MessageSource messages;

	TransferErrors(FormErrors formErrors, MessageSource messages) {
		this.formErrors = formErrors;
		this.messages = messages;
	}

	String translate(String message) {
		return this.formErrors.translate(message);
	}

	Map<String, String> of(InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>(this.formErrors.of(ex));
		// the web forms' day of expiry is the service's instant
		String expiry = errors.remove("expiresOn");
		if (expiry != null) {
			errors.putIfAbsent("accessExpiresAt", expiry);
		}
		return errors;
	}

	/** A conflict as a message about the whole form; the limit names its numbers. */
	Map<String, String> of(ConflictException ex) {
		if (!"transfer_limit".equals(ex.error())) {
			return Map.of("form", this.formErrors.translate(ex.getMessage()));
		}
		Map<String, Object> details = ex.details();
		boolean bulk = details.get("customerIds") instanceof Collection<?>;
		Object count = bulk ? ((Collection<?>) details.get("customerIds")).size() : details.get("count");
		Object[] args = { count, details.get("windowDays"), details.get("max") };
		return Map.of("form", this.messages.getMessage(bulk ? "transfer.bulkLimit" : "transfer.limit", args,
				LocaleContextHolder.getLocale()));
	}

}
