package dev.holdfast.followup;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.customer.CustomerManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.web.FormErrors;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.InvalidInputException;

/**
 * Correcting one's own follow-up within 24 hours (a typo, a wrong kind). Afterwards it is
 * history: the page says so, and a correction is a new follow-up.
 */
@Controller
@RequestMapping("/customers/{customerId}/follow-ups/{followUpId}")
class FollowUpCorrectionController {

	private final FollowUpManagement followUps;

	private final CustomerManagement customers;

	private final FormErrors formErrors;

	private final MessageSource messages;

	FollowUpCorrectionController(FollowUpManagement followUps, CustomerManagement customers, FormErrors formErrors,
			MessageSource messages) {
		this.followUps = followUps;
		this.customers = customers;
		this.formErrors = formErrors;
		this.messages = messages;
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	record Correction(@NotNull FollowUpKind kind, @NotBlank @Size(max = 5000) String content, @NotNull Long version) {
	}

	@GetMapping
	@AnyEmployee
	String edit(@PathVariable long customerId, @PathVariable long followUpId, Model model) {
		FollowUpView followUp = this.followUps.find(customerId, followUpId);
		return page(customerId, followUp, new Correction(followUp.kind(), followUp.content(), followUp.version()),
				Map.of(), model);
	}

	@PostMapping
	@AnyEmployee
	@FormPage(value = "correctionAgain",
			refusals = { InvalidInputException.class, ForbiddenException.class, ConflictException.class })
	String correct(@PathVariable long customerId, @PathVariable long followUpId, @Valid Correction correction,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		FollowUpView followUp = this.followUps.find(customerId, followUpId);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return page(customerId, followUp, correction, this.formErrors.of(result), model);
		}
		this.followUps.correct(followUpId, new FollowUpChanges(correction.kind(), correction.content(),
				followUp.contactId(), followUp.nextContactAt(), correction.version()));
		redirect.addFlashAttribute("flash", "followup.corrected");
		return "redirect:/customers/" + customerId;
	}

	/**
	 * The correction again (for the web error advice: 422, 409 when changed meanwhile):
	 * too late and changed meanwhile are said at the text.
	 */
	private String correctionAgain(long customerId, long followUpId, Correction correction, RuntimeException refusal,
			Map<String, String> errors, Model model) {
		Map<String, String> shown = refusal instanceof ForbiddenException
				? Map.of("content", message("followup.tooLate")) : refusal instanceof ConflictException
						? Map.of("content", message("followup.changedMeanwhile")) : errors;
		return page(customerId, this.followUps.find(customerId, followUpId), correction, shown, model);
	}

	private String page(long customerId, FollowUpView followUp, Correction form, Map<String, String> errors,
			Model model) {
		model.addAttribute("customer", this.customers.get(customerId));
		model.addAttribute("followUp", followUp);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", FollowUpKind.values());
		return "followups/correct";
	}

}
