package dev.holdfast.knowhow;

import java.util.Arrays;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.customer.CustomerStatus;
import dev.holdfast.followup.FollowUpKind;
import dev.holdfast.shared.web.FormErrors;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.PageRequest;

/**
 * The know-how library in the browser: search and read on a phone, publish from a
 * customer's timeline, withdraw.
 */
@Controller
class KnowHowController {

	private final KnowHowLibrary library;

	private final FormErrors formErrors;

	KnowHowController(KnowHowLibrary library, FormErrors formErrors) {
		this.library = library;
		this.formErrors = formErrors;
	}

	@GetMapping("/know-how")
	@AnyEmployee
	String library(@RequestParam(required = false) String industry, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String stage, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model) {
		// a hand-edited link with an unknown kind or stage: the library without those, as
		// the page offers only the known ones
		KnowHowQuery query = KnowHowQuery.of(industry, known(FollowUpKind.values(), kind),
				known(CustomerStatus.values(), stage), q);
		model.addAttribute("result", this.library.search(query, PageRequest.of(page, 20)));
		model.addAttribute("query", query);
		model.addAttribute("industries", this.library.industries());
		model.addAttribute("kinds", Arrays.asList(FollowUpKind.values()));
		model.addAttribute("stages", Arrays.asList(CustomerStatus.values()));
		return "knowhow/library";
	}

	@GetMapping("/know-how/{id}")
	@AnyEmployee
	String item(@PathVariable long id, Model model) {
		model.addAttribute("item", this.library.find(id));
		model.addAttribute("withdrawable", this.library.withdrawable(id));
		return "knowhow/item";
	}

	@GetMapping("/know-how/new")
	@AnyEmployee
	String newItem(@RequestParam long customerId, Model model) {
		return form(customerId, null, Map.of(), model);
	}

	@PostMapping("/know-how")
	@AnyEmployee
	@FormPage(value = "publishAgain", refusals = InvalidInputException.class)
	String publish(@Valid PublishForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return publishAgain(form, this.formErrors.of(result), model);
		}
		KnowHowDetails published = this.library.publish(form);
		redirect.addFlashAttribute("flash", "knowhow.published");
		return "redirect:/know-how/" + published.summary().id();
	}

	/**
	 * The publish form again as submitted (also for the web error advice); without a
	 * customer there is no form to show, so the refusal's own 400.
	 */
	private String publishAgain(PublishForm form, Map<String, String> errors, Model model) {
		if (form.customerId() == null) {
			throw new InvalidInputException("customerId", "is required");
		}
		return form(form.customerId(), form, errors, model);
	}

	@PostMapping("/know-how/{id}/withdraw")
	@AnyEmployee
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		this.library.withdraw(id);
		redirect.addFlashAttribute("flash", "knowhow.withdrawn");
		return "redirect:/know-how";
	}

	private String form(long customerId, PublishForm form, Map<String, String> errors, Model model) {
		model.addAttribute("choice", this.library.choice(customerId));
		model.addAttribute("customerId", customerId);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "knowhow/new";
	}

	private static String known(Enum<?>[] values, String name) {
		return name != null && Arrays.stream(values).anyMatch(value -> value.name().equals(name.strip())) ? name : null;
	}

}
