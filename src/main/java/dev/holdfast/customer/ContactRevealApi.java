package dev.holdfast.customer;

import java.util.HashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/contacts/{id}/reveal} with {@code {"field","reason"}} →
 * {@code {"value"}} (null when the field is empty).
 */
@RestController
class ContactRevealApi {

	private final ContactReveal reveal;

	ContactRevealApi(ContactReveal reveal) {
		this.reveal = reveal;
	}

	@PostMapping("/api/v1/contacts/{id}/reveal")
	Map<String, String> reveal(@PathVariable long id, @Valid @RequestBody RevealForm form) {
		Map<String, String> body = new HashMap<>();
		body.put("value", this.reveal.reveal(id, form));
		return body;
	}

}
