package dev.holdfast.followup;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.holdfast.shared.AnyEmployee;

/**
 * The template fields of the quick follow-up form, which htmx swaps in when the rep picks
 * another kind ({@link FollowUpFormTemplate} puts them in the form itself).
 */
@Controller
class FollowUpFieldsController {

	private final FollowUpTemplates templates;

	FollowUpFieldsController(FollowUpTemplates templates) {
		this.templates = templates;
	}

	@GetMapping("/customers/{customerId}/follow-ups/fields")
	@AnyEmployee
	String fields(@PathVariable long customerId, @RequestParam(defaultValue = "CALL") FollowUpKind kind, Model model) {
		model.addAttribute("customerId", customerId);
		model.addAttribute("followUpTemplate", this.templates.applicableTo(customerId, kind).orElse(null));
		return "followups/template-fields :: fields";
	}

}
