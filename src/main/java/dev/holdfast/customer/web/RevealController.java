package dev.holdfast.customer.web;

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
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.NotFoundException;

/**
 * The reveal buttons of the customer page (htmx), for a contact's fields and for the
 * customer's address: each swaps the masked value for the value, as a {@code tel:} or
 * {@code mailto:} link, in this view only; nothing is kept in the page or the session. A
 * refused reveal (quota used up, not allowed) says why in place of the value, with 200 so
 * that htmx swaps it in, through the web error advice (a refusal is recorded like any).
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
	@FormPage(value = "refused", invalidStatus = 200,
			refusals = { RevealQuotaExceededException.class, ForbiddenException.class })
	String reveal(@PathVariable long customerId, @PathVariable long contactId, @RequestParam SensitiveField field,
			@RequestParam(required = false) String reason, Model model) {
		if (!this.contacts.belongsTo(contactId, customerId)) {
			throw new NotFoundException("contact");
		}
		model.addAttribute("field", field.name());
		return show(model, this.contactReveal.reveal(contactId, new RevealForm(field, reason)));
	}

	@PostMapping("/customers/{customerId}/reveal")
	@AnyEmployee
	@FormPage(value = "refused", invalidStatus = 200,
			refusals = { RevealQuotaExceededException.class, ForbiddenException.class })
	String revealAddress(@PathVariable long customerId, @RequestParam(required = false) String reason, Model model) {
		model.addAttribute("field", SensitiveField.address.name());
		model.addAttribute("customerReveal", true);
		return show(model, this.addressReveal.reveal(customerId, new RevealForm(SensitiveField.address, reason)));
	}

	/** The value and the quota left. */
	private static String show(Model model, Revealed revealed) {
		model.addAttribute("value", revealed.value());
		model.addAttribute("remaining", revealed.remaining());
		return FRAGMENT;
	}

	/**
	 * Why the value is not shown, in its place (for the web error advice); no
	 * {@code field} parameter is the customer's address.
	 */
	private static String refused(RuntimeException refusal, SensitiveField field, Model model) {
		model.addAttribute("field", field == null ? SensitiveField.address.name() : field.name());
		model.addAttribute("customerReveal", field == null);
		model.addAttribute("revealError", refusal instanceof RevealQuotaExceededException ? "contact.reveal.quotaUsedUp"
				: "contact.reveal.refused");
		return FRAGMENT;
	}

}
