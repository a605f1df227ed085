package dev.holdfast.care;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.organization.EmployeeChoices;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;

/**
 * The managers' care pages: care coverage (key customers at risk of walking out with a
 * rep) and key-account teams short of people, with one-click fixes.
 */
@Controller
class CareOversightController {

	private final CareCoverage coverage;

	private final KeyAccounts keyAccounts;

	private final OrganizationManagement organization;

	private final EmployeeChoices choices;

	CareOversightController(CareCoverage coverage, KeyAccounts keyAccounts, OrganizationManagement organization,
			EmployeeChoices choices) {
		this.choices = choices;
		this.coverage = coverage;
		this.keyAccounts = keyAccounts;
		this.organization = organization;
	}

	@GetMapping("/care/coverage")
	@AnyEmployee
	String coverage(@RequestParam(required = false) Long departmentId, @RequestParam(required = false) Integer days,
			Model model) {
		model.addAttribute("report", this.coverage.uncovered(departmentId, days));
		model.addAttribute("departments", this.organization.departments());
		return "care/coverage";
	}

	@GetMapping("/key-accounts")
	@AnyEmployee
	String keyAccounts(@RequestParam(required = false) Long departmentId, Model model) {
		model.addAttribute("violations", this.keyAccounts.violations(departmentId));
		model.addAttribute("departmentId", departmentId);
		model.addAttribute("departments", this.organization.departments());
		List<Long> service = this.organization.activeHolders(Permission.CARE_VISIT, null);
		model.addAttribute("service", this.choices.labelsOf(service));
		return "care/key-accounts";
	}

	@PostMapping("/key-accounts/{customerId}/fix")
	@AnyEmployee
	@FormPage(value = "fixRefused",
			refusals = { InvalidInputException.class, ConflictException.class, ForbiddenException.class })
	String fix(@PathVariable long customerId, @RequestParam(required = false) Long employeeId,
			@RequestParam(required = false) Long departmentId, RedirectAttributes redirect) {
		KeyAccountFix fix = this.keyAccounts.fix(customerId, employeeId);
		redirect.addFlashAttribute("flash", "care.keyAccounts.fix." + fix.outcome());
		return back(departmentId);
	}

	/**
	 * Back to the list with the reason (for the web error advice): e.g. no manager to
	 * add, or customer service may see the team but not change it.
	 */
	private String fixRefused(Long departmentId, Map<String, String> errors, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flashError", String.join("; ", errors.values()));
		return back(departmentId);
	}

	@PostMapping("/key-accounts/fix")
	@AnyEmployee
	String fixAll(@RequestParam(required = false) Long departmentId, RedirectAttributes redirect) {
		List<KeyAccountFix> done = this.keyAccounts.fixAll(departmentId);
		redirect.addFlashAttribute("flash", "care.keyAccounts.fixedAll");
		redirect.addFlashAttribute("flashCount", done.stream().filter(f -> "FIXED".equals(f.outcome())).count());
		return back(departmentId);
	}

	private static String back(Long departmentId) {
		return departmentId == null ? "redirect:/key-accounts" : "redirect:/key-accounts?departmentId=" + departmentId;
	}

}
