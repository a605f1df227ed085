package dev.holdfast.care;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.web.FormErrors;
import dev.holdfast.shared.web.FormPage;

/**
 * "My care visits" for customer service, with a form to record each outcome.
 */
@Controller
class CareController {

	private final CareVisits visits;

	private final FormErrors formErrors;

	CareController(CareVisits visits, FormErrors formErrors) {
		this.visits = visits;
		this.formErrors = formErrors;
	}

	@GetMapping("/care-visits")
	@AnyEmployee
	String mine(Model model) {
		return page(null, null, Map.of(), model);
	}

	@PostMapping("/care-visits/{id}/outcome")
	@AnyEmployee
	@FormPage("outcomeAgain")
	String outcome(@PathVariable long id, @Valid CareOutcomeForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return page(id, form, this.formErrors.of(result), model);
		}
		this.visits.recordOutcome(id, form);
		redirect.addFlashAttribute("flash", "care.recorded");
		return "redirect:/care-visits";
	}

	/** The visit's outcome form again, as submitted (for the web error advice). */
	private String outcomeAgain(long id, CareOutcomeForm form, Map<String, String> errors, Model model) {
		return page(id, form, errors, model);
	}

	private String page(Long failedId, CareOutcomeForm form, Map<String, String> errors, Model model) {
		List<CareVisitView> mine = this.visits.mine();
		model.addAttribute("visits", mine);
		model.addAttribute("failedId", failedId);
		// someone recording another's visit (care.record) has no form for it on this page
		model.addAttribute("failedElsewhere",
				failedId != null && mine.stream().noneMatch(v -> v.id() == failedId.longValue()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "care/visits";
	}

}
