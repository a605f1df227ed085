package dev.holdfast.pool;

import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.web.FormErrors;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * {@code /admin/pools}: the pools and their rules per level, for administrators
 * ({@code pool.manage}).
 */
@Controller
@RequiresPermission(Permission.POOL_MANAGE)
class PoolAdminController {

	private final PoolAdministration administration;

	private final OrganizationManagement organization;

	private final FormErrors formErrors;

	PoolAdminController(PoolAdministration administration, OrganizationManagement organization, FormErrors formErrors) {
		this.administration = administration;
		this.organization = organization;
		this.formErrors = formErrors;
	}

	@GetMapping("/admin/pools")
	String page(Model model) {
		return page(model, Map.of());
	}

	@PostMapping("/admin/pools")
	@FormPage("formAgain")
	String create(@Valid PoolForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return save(result, model, response, redirect, () -> this.administration.create(form));
	}

	@PostMapping("/admin/pools/{id}")
	@FormPage("formAgain")
	String update(@PathVariable long id, @Valid PoolForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return save(result, model, response, redirect, () -> this.administration.update(id, form));
	}

	@PostMapping("/admin/pools/{id}/rules/{level}")
	@FormPage("formAgain")
	String rule(@PathVariable long id, @PathVariable String level, @Valid PoolRuleForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return save(result, model, response, redirect, () -> this.administration.putRule(id, level, form));
	}

	private String save(BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect,
			Runnable write) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return page(model, this.formErrors.of(result));
		}
		write.run();
		redirect.addFlashAttribute("flash", "common.saved");
		return "redirect:/admin/pools";
	}

	/** The page again with the service's refusal (for the web error advice). */
	private String formAgain(Map<String, String> errors, Model model) {
		return page(model, errors);
	}

	private String page(Model model, Map<String, String> errors) {
		model.addAttribute("pools", this.administration.pools());
		model.addAttribute("departments", this.organization.departments());
		model.addAttribute("levels", java.util.List.of("A", "B", "C", "D"));
		model.addAttribute("errors", errors);
		return "pool/admin";
	}

}
