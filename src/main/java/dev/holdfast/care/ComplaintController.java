package dev.holdfast.care;

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
import dev.holdfast.shared.FormErrors;

/**
 * The complaints page: complaints on the customers the caller may see, by status, each
 * with its history and the moves it may make next.
 */
@Controller
class ComplaintController {

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
	String transition(@PathVariable long id, ComplaintTransitionForm form, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		try {
			if (form.to() == null) {
				throw new ConflictException("invalid_transition", "choose what the complaint becomes");
			}
			this.complaints.transition(id, form);
			redirect.addFlashAttribute("flash", "care.complaintMoved");
		}
		catch (ConflictException | ForbiddenException ex) {
			redirect.addFlashAttribute("flashError", this.formErrors.translate(ex.getMessage()));
		}
		// back to the customer page or the list the form was on, never anywhere else
		return back != null && back.matches("/customers/\\d+") ? "redirect:" + back + "#care" : "redirect:/complaints";
	}

}
