package dev.holdfast.customer.web;

import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.holdfast.customer.ContactManagement;
import dev.holdfast.customer.masking.ContactReveal;
import dev.holdfast.customer.masking.CustomerAddressReveal;
import dev.holdfast.customer.masking.RevealForm;
import dev.holdfast.customer.masking.RevealQuotaExceededException;
import dev.holdfast.customer.masking.Revealed;
import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.customer.masking.RevealForm.SensitiveField;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.NotFoundException;

/**
 * The reveal buttons of the customer page (htmx), for a contact's fields and for the
 * customer's address: each swaps the masked value for the value, as a {@code tel:} or
 * {@code mailto:} link, in this view only; nothing is kept in the page or the session.
 */
@Controller
class RevealController {

	private static final String FRAGMENT = "customers/contacts :: revealed";

	private final ContactReveal contactReveal;

	private final CustomerAddressReveal addressReveal;

	private final ContactManagement contacts;

	RevealController(ContactReveal contactReveal, CustomerAddressReveal addressReveal, ContactManagement contacts) {
		this.contactReveal = contactReveal;
		this.addressReveal = addressReveal;
		this.contacts = contacts;
	}

	@PostMapping("/customers/{customerId}/contacts/{contactId}/reveal")
	@AnyEmployee
	String reveal(@PathVariable long customerId, @PathVariable long contactId, @RequestParam SensitiveField field,
			@RequestParam(required = false) String reason, Model model) {
		if (!this.contacts.belongsTo(contactId, customerId)) {
			throw new NotFoundException("contact");
		}
		model.addAttribute("field", field.name());
		return show(model, () -> this.contactReveal.reveal(contactId, new RevealForm(field, reason)));
	}

	@PostMapping("/customers/{customerId}/reveal")
	@AnyEmployee
	String revealAddress(@PathVariable long customerId, @RequestParam(required = false) String reason, Model model) {
		model.addAttribute("field", SensitiveField.address.name());
		model.addAttribute("customerReveal", true);
		return show(model, () -> this.addressReveal.reveal(customerId, new RevealForm(SensitiveField.address, reason)));
	}

	/** The value and the quota left, or why it is not shown. */
	private static String show(Model model, Supplier<Revealed> reveal) {
		try {
			Revealed revealed = reveal.get();
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
