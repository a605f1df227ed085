package dev.holdfast.customer;

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

/**
 * {@code POST /api/v1/contacts/{id}/reveal} with {@code {"field","reason"}} →
 * {@code {"value","remaining"}} (value null when the field is empty); 429 with
 * {@code remaining} 0 when today's quota is used up.
 */
@RestController
class ContactRevealApi {

	private final ContactReveal reveal;

	ContactRevealApi(ContactReveal reveal) {
		this.reveal = reveal;
	}

	@PostMapping("/api/v1/contacts/{id}/reveal")
	Map<String, Object> reveal(@PathVariable long id, @Valid @RequestBody RevealForm form) {
		Revealed revealed = this.reveal.reveal(id, form);
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
