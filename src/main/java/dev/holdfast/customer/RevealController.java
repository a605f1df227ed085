package dev.holdfast.customer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.holdfast.customer.RevealForm.SensitiveField;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.NotFoundException;

/**
 * The reveal button of the customer page (htmx): swaps the masked value for the value, as
 * a {@code tel:} or {@code mailto:} link, in this view only; nothing is kept in the page
 * or the session.
 */
@Controller
class RevealController {

	private static final String FRAGMENT = "customers/contacts :: revealed";

	private final ContactReveal reveal;

	private final ContactManagement contacts;

	RevealController(ContactReveal reveal, ContactManagement contacts) {
		this.reveal = reveal;
		this.contacts = contacts;
	}

	@PostMapping("/customers/{customerId}/contacts/{contactId}/reveal")
	String reveal(@PathVariable long customerId, @PathVariable long contactId, @RequestParam SensitiveField field,
			@RequestParam(required = false) String reason, Model model) {
		if (!this.contacts.belongsTo(contactId, customerId)) {
			throw new NotFoundException("contact");
		}
		model.addAttribute("field", field.name());
		try {
			Revealed revealed = this.reveal.reveal(contactId, new RevealForm(field, reason));
			model.addAttribute("value", revealed.value());
			model.addAttribute("remaining", revealed.remaining());
		}
		catch (RevealQuotaExceededException ex) {
			model.addAttribute("revealError", "contact.reveal.quotaUsedUp");
		}
		catch (ForbiddenException ex) {
			model.addAttribute("revealError", "contact.reveal.refused");
		}
		return FRAGMENT;
	}

}
