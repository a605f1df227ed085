package dev.holdfast.customer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.holdfast.customer.RevealForm.SensitiveField;
import dev.holdfast.shared.ForbiddenException;

/**
 * The reveal button of the customer's address on its page (htmx), like a contact's
 * ({@link RevealController}).
 */
@Controller
class CustomerRevealController {

	private final CustomerAddressReveal reveal;

	CustomerRevealController(CustomerAddressReveal reveal) {
		this.reveal = reveal;
	}

	@PostMapping("/customers/{customerId}/reveal")
	String reveal(@PathVariable long customerId, @RequestParam(required = false) String reason, Model model) {
		model.addAttribute("field", SensitiveField.address.name());
		model.addAttribute("customerReveal", true);
		try {
			Revealed revealed = this.reveal.reveal(customerId, new RevealForm(SensitiveField.address, reason));
			model.addAttribute("value", revealed.value());
			model.addAttribute("remaining", revealed.remaining());
		}
		catch (RevealQuotaExceededException ex) {
			model.addAttribute("revealError", "contact.reveal.quotaUsedUp");
		}
		catch (ForbiddenException ex) {
			model.addAttribute("revealError", "contact.reveal.refused");
		}
		return "customers/contacts :: revealed";
	}

}
