package dev.holdfast.customer;

import java.util.HashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/customers/{id}/reveal} with {@code {"field":"address","reason"}} →
 * {@code {"value","remaining"}}; the quota and refusals of a contact reveal apply.
 */
@RestController
class CustomerRevealApi {

	private final CustomerAddressReveal reveal;

	CustomerRevealApi(CustomerAddressReveal reveal) {
		this.reveal = reveal;
	}

	@PostMapping("/api/v1/customers/{id}/reveal")
	Map<String, Object> reveal(@PathVariable long id, @Valid @RequestBody RevealForm form) {
		Revealed revealed = this.reveal.reveal(id, form);
		Map<String, Object> body = new HashMap<>();
		body.put("value", revealed.value());
		body.put("remaining", revealed.remaining());
		return body;
	}

	@ExceptionHandler(RevealQuotaExceededException.class)
	ResponseEntity<Map<String, Object>> quotaUsedUp(RevealQuotaExceededException ex) {
		return ContactRevealApi.quotaBody(ex);
	}

}
