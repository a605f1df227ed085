package dev.holdfast.customer.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.customer.masking.ContactReveal;
import dev.holdfast.customer.masking.CustomerAddressReveal;
import dev.holdfast.customer.masking.RevealForm;
import dev.holdfast.customer.masking.RevealQuotaExceededException;
import dev.holdfast.customer.masking.Revealed;
import dev.holdfast.shared.AnyEmployee;

/**
 * Showing one masked value, audited and counted against the daily quota: {@code POST
 * /api/v1/contacts/{id}/reveal} with {@code {"field","reason"}} (phone, e-mail, WeChat,
 * address) and {@code POST /api/v1/customers/{id}/reveal} with
 * {@code {"field":"address","reason"}} → {@code {"value","remaining"}} (value null when
 * the field is empty); 429 with {@code remaining} 0 when today's quota is used up.
 */
@RestController
class RevealApi {

	private final ContactReveal contacts;

	private final CustomerAddressReveal customers;

	RevealApi(ContactReveal contacts, CustomerAddressReveal customers) {
		this.contacts = contacts;
		this.customers = customers;
	}

	@PostMapping("/api/v1/contacts/{id}/reveal")
	@AnyEmployee
	Map<String, Object> revealContact(@PathVariable long id, @Valid @RequestBody RevealForm form) {
		return body(this.contacts.reveal(id, form));
	}

	@PostMapping("/api/v1/customers/{id}/reveal")
	@AnyEmployee
	Map<String, Object> revealCustomer(@PathVariable long id, @Valid @RequestBody RevealForm form) {
		return body(this.customers.reveal(id, form));
	}

	private static Map<String, Object> body(Revealed revealed) {
		Map<String, Object> body = new HashMap<>();
		body.put("value", revealed.value());
		body.put("remaining", revealed.remaining());
		return body;
	}

	@ExceptionHandler(RevealQuotaExceededException.class)
	ResponseEntity<Map<String, Object>> quotaUsedUp(RevealQuotaExceededException ex) {
		return quotaBody(ex);
	}

	/** 429 with {@code remaining} 0, for every reveal endpoint. */
	static ResponseEntity<Map<String, Object>> quotaBody(RevealQuotaExceededException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "reveal_quota");
		body.put("message", ex.getMessage());
		body.put("remaining", 0);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(body);
	}

}
