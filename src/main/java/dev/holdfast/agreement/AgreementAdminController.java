package dev.holdfast.agreement;

import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * HR's agreement pages: templates with their versions and due reminders; one template
 * with the form to publish a new version and who has and hasn't accepted.
 */
@FreeOfCustomerData
@Controller
@RequestMapping("/admin/agreements")
class AgreementAdminController {

	private final AgreementCatalog catalog;

	private final AcceptanceReport report;

	private final AgreementReads reads;

	private final HoldfastClock clock;

	AgreementAdminController(AgreementCatalog catalog, AcceptanceReport report, AgreementReads reads,
			HoldfastClock clock) {
		this.clock = clock;
		this.catalog = catalog;
		this.report = report;
		this.reads = reads;
	}

	@GetMapping
	@RequiresPermission(anyOf = { Permission.AGREEMENT_MANAGE, Permission.EMPLOYEE_MANAGE })
	String list(Model model) {
		model.addAttribute("agreements", this.catalog.list());
		model.addAttribute("reminders", this.reads.reminders(this.clock.today()));
		model.addAttribute("roles", this.reads.roleCodes());
		model.addAttribute("errors", Map.of());
		return "agreement/admin-list";
	}

	@PostMapping
	@RequiresPermission(anyOf = { Permission.AGREEMENT_MANAGE, Permission.EMPLOYEE_MANAGE })
	@FormPage(value = "createAgain", refusals = InvalidInputException.class)
	String create(@Valid AgreementForm form) {
		return "redirect:/admin/agreements/" + this.catalog.create(form).id();
	}

	/**
	 * The list with the new agreement's form as submitted (for the web error advice).
	 */
	private String createAgain(AgreementForm form, Map<String, String> errors, Model model) {
		list(model);
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return "agreement/admin-list";
	}

	@GetMapping("/{id}")
	@RequiresPermission(anyOf = { Permission.AGREEMENT_MANAGE, Permission.EMPLOYEE_MANAGE })
	String show(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) Long versionId, @RequestParam(required = false) Long departmentId,
			Model model) {
		AgreementView agreement = this.catalog.get(id);
		model.addAttribute("a", agreement);
		model.addAttribute("status", status);
		model.addAttribute("versionId", versionId);
		model.addAttribute("departmentId", departmentId);
		model.addAttribute("departments", this.reads.departments());
		model.addAttribute("roles", this.reads.roleCodes());
		model.addAttribute("rows", agreement.current() == null ? java.util.List.of()
				: this.report.rows(id, versionId, status == null || status.isBlank() ? null : status, departmentId));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "agreement/admin-show";
	}

	@PostMapping("/{id}/roles")
	@RequiresPermission(anyOf = { Permission.AGREEMENT_MANAGE, Permission.EMPLOYEE_MANAGE })
	@FormPage(value = "rolesAgain", refusals = InvalidInputException.class)
	String changeRoles(@PathVariable long id, @Valid RolesForm form) {
		this.catalog.changeRoles(id, form);
		return "redirect:/admin/agreements/" + id;
	}

	/** The agreement with the roles' messages (for the web error advice). */
	private String rolesAgain(long id, Map<String, String> errors, Model model) {
		model.addAttribute("errors", errors);
		return show(id, null, null, null, model);
	}

	@PostMapping("/{id}/versions")
	@RequiresPermission(anyOf = { Permission.AGREEMENT_MANAGE, Permission.EMPLOYEE_MANAGE })
	@FormPage(value = "publishAgain", refusals = InvalidInputException.class)
	String publish(@PathVariable long id, @Valid VersionForm form) {
		this.catalog.publish(id, form);
		return "redirect:/admin/agreements/" + id + "?published";
	}

	/**
	 * The agreement with the new version's form as submitted (for the web error advice).
	 */
	private String publishAgain(long id, VersionForm form, Map<String, String> errors, Model model) {
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return show(id, null, null, null, model);
	}

}
