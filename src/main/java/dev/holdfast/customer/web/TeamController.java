package dev.holdfast.customer.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.customer.MemberAccess;
import dev.holdfast.customer.MemberForm;
import dev.holdfast.customer.TeamManagement;
import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;

/**
 * Adding and removing the team members of a customer on its page.
 */
@Controller
@RequestMapping("/customers/{customerId}/members")
class TeamController {

	private final TeamManagement team;

	private final CustomerPage page;

	private final HoldfastClock clock;

	TeamController(TeamManagement team, CustomerPage page, HoldfastClock clock) {
		this.clock = clock;
		this.team = team;
		this.page = page;
	}

	/** Where a language link leads after a failed form: back to the customer page. */
	@GetMapping
	@AnyEmployee
	String back(@PathVariable long customerId) {
		return "redirect:/customers/" + customerId + "#team";
	}

	@PostMapping
	@AnyEmployee
	@FormPage("teamPage")
	String add(@PathVariable long customerId, @RequestParam(required = false) Long employeeId,
			@RequestParam(required = false) MemberAccess access,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
			RedirectAttributes redirect) {
		if (employeeId == null) {
			throw new InvalidInputException("employeeId", "is required");
		}
		if (expiresOn != null && !expiresOn.isAfter(this.clock.today())) {
			throw new InvalidInputException("expiresOn", "must be a date in the future");
		}
		this.team.put(customerId, employeeId, new MemberForm(access == null ? MemberAccess.READ : access,
				expiresOn == null ? null : this.clock.endOf(expiresOn)));
		redirect.addFlashAttribute("flash", "member.added");
		return "redirect:/customers/" + customerId + "#team";
	}

	/**
	 * The customer page with the team form's errors and what was typed (for the web error
	 * advice: refused input, a value of the wrong type or an unknown choice).
	 */
	private String teamPage(long customerId, Map<String, String> errors, Model model, HttpServletRequest request) {
		// a conflict's details are not the contact form's duplicate
		model.asMap().remove("conflict");
		model.addAttribute("memberErrors", errors);
		Map<String, String> typed = new HashMap<>();
		for (String field : new String[] { "employeeId", "access", "expiresOn" }) {
			typed.put(field, request.getParameter(field));
		}
		model.addAttribute("memberTyped", typed);
		return this.page.render(customerId, model);
	}

	@PostMapping("/{employeeId}/remove")
	@AnyEmployee
	String remove(@PathVariable long customerId, @PathVariable long employeeId, RedirectAttributes redirect) {
		this.team.remove(customerId, employeeId);
		redirect.addFlashAttribute("flash", "member.removed");
		return "redirect:/customers/" + customerId + "#team";
	}

}
