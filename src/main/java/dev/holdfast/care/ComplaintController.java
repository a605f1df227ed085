package dev.holdfast.care;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.web.FormErrors;
import dev.holdfast.shared.web.FormPage;

/**
 * The complaints page: complaints on the customers the caller may see, by status, each
 * with its history and the moves it may make next.
 */
@Controller
class ComplaintController {

	private static final String CHOOSE = "choose what the complaint becomes";

	private final Complaints complaints;

	private final FormErrors formErrors;

	ComplaintController(Complaints complaints, FormErrors formErrors) {
		this.complaints = complaints;
		this.formErrors = formErrors;
	}

	@GetMapping("/complaints")
	@AnyEmployee
	String list(@RequestParam(required = false) ComplaintStatus status, Model model) {
		model.addAttribute("complaints", this.complaints.visible(status));
		model.addAttribute("status", status);
		model.addAttribute("statuses", ComplaintStatus.values());
		return "care/complaints";
	}

	@PostMapping("/complaints/{id}/transitions")
	@AnyEmployee
	@FormPage(value = "transitionRefused", refusals = { ConflictException.class, ForbiddenException.class })
	String transition(@PathVariable long id, ComplaintTransitionForm form, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		if (form.to() == null) {
			throw new ConflictException("invalid_transition", CHOOSE);
		}
		this.complaints.transition(id, form);
		redirect.addFlashAttribute("flash", "care.complaintMoved");
		return back(back);
	}

	/**
	 * Back where the form was with the reason (for the web error advice); an unknown
	 * status is the same mistake as none.
	 */
	private String transitionRefused(String back, Map<String, String> errors, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flashError",
				errors.containsKey("to") ? this.formErrors.translate(CHOOSE) : String.join("; ", errors.values()));
		return back(back);
	}

	/** Back to the customer page or the list the form was on, never anywhere else. */
	private static String back(String back) {
		return back != null && back.matches("/customers/\\d+") ? "redirect:" + back + "#care" : "redirect:/complaints";
	}

}
