package dev.holdfast.followup;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.holdfast.shared.NotFoundException;

/**
 * Gives the customer page's follow-up section the customer's rhythm and the template that
 * applies to the form, so that its fields show (and show their errors) without
 * JavaScript.
 */
@ControllerAdvice(assignableTypes = FollowUpController.class)
class FollowUpFormTemplate {

	private final FollowUpTemplates templates;

	private final Reminders reminders;

	FollowUpFormTemplate(FollowUpTemplates templates, Reminders reminders) {
		this.templates = templates;
		this.reminders = reminders;
	}

	/** When the customer is due, for the badge above its timeline. */
	@ModelAttribute("customerRhythm")
	CustomerRhythm rhythm(@PathVariable(required = false) Long customerId) {
		try {
			return customerId == null ? null : this.reminders.rhythmOf(customerId, java.time.Instant.now());
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	/**
	 * (CALL, the form's default, otherwise); none for a customer the caller may not see,
	 * whose page answers 404 anyway.
	 */
	@ModelAttribute("followUpTemplate")
	FollowUpTemplateView template(@PathVariable(required = false) Long customerId,
			@RequestParam(name = "kind", required = false) String kind) {
		if (customerId == null) {
			return null;
		}
		FollowUpKind chosen = FollowUpKind.CALL;
		try {
			chosen = kind == null ? FollowUpKind.CALL : FollowUpKind.valueOf(kind);
		}
		catch (IllegalArgumentException ex) {
			// the form refuses the kind itself
		}
		try {
			return this.templates.applicableTo(customerId, chosen).orElse(null);
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

}
