package dev.holdfast.followup;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import dev.holdfast.customer.CustomerLevel;

/**
 * Gives the customer page's follow-up section the templates of its form, so that the
 * fields of the kind shown (and their errors) appear without JavaScript. (The rhythm
 * badge is the controller's: it must be read after a follow-up is recorded.) Nothing for
 * a customer the caller may not see, whose section answers 404 anyway.
 */
@ControllerAdvice(assignableTypes = FollowUpController.class)
class FollowUpFormTemplate {

	private final FollowUpTemplates templates;

	FollowUpFormTemplate(FollowUpTemplates templates) {
		this.templates = templates;
	}

	/** The templates of one customer's form, looked up for the kind the form shows. */
	record FormTemplates(FollowUpTemplates templates, CustomerLevel level) {

		/** The template of the kind; for no kind, that of CALL, the form's default. */
		public FollowUpTemplateView forKind(FollowUpKind kind) {
			return this.templates.applicable(this.level, kind == null ? FollowUpKind.CALL : kind).orElse(null);
		}

	}

	@ModelAttribute("formTemplates")
	FormTemplates formTemplates(@PathVariable(required = false) Long customerId) {
		return customerId == null ? null
				: this.templates.levelIfVisible(customerId)
					.map(level -> new FormTemplates(this.templates, level))
					.orElse(null);
	}

}
