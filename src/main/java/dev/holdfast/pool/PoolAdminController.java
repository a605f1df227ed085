package dev.holdfast.pool;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.organization.OrganizationManagement;
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

	PoolAdminController(PoolAdministration administration, OrganizationManagement organization) {
		this.administration = administration;
		this.organization = organization;
	}

	@GetMapping("/admin/pools")
	String page(Model model) {
		return page(model, Map.of());
	}

	@PostMapping("/admin/pools")
	@FormPage("formAgain")
	String create(@Valid PoolForm form, RedirectAttributes redirect) {
		this.administration.create(form);
		return saved(redirect);
	}

	@PostMapping("/admin/pools/{id}")
	@FormPage("formAgain")
	String update(@PathVariable long id, @Valid PoolForm form, RedirectAttributes redirect) {
		this.administration.update(id, form);
		return saved(redirect);
	}

	@PostMapping("/admin/pools/{id}/rules/{level}")
	@FormPage("formAgain")
	String rule(@PathVariable long id, @PathVariable String level, @Valid PoolRuleForm form,
			RedirectAttributes redirect) {
		this.administration.putRule(id, level, form);
		return saved(redirect);
	}

	private static String saved(RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", "common.saved");
		return "redirect:/admin/pools";
	}

	/**
	 * The page again with the refused form's messages (for the web error advice): a
	 * level's rule shows what was typed, with each message at its field.
	 */
	private String formAgain(Map<String, String> errors, Model model, HttpServletRequest request) {
		@SuppressWarnings("unchecked")
		Map<String, String> path = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (path != null && path.containsKey("level")) {
			Map<String, String> typed = new HashMap<>();
			typed.put("pool", path.get("id"));
			typed.put("level", path.get("level"));
			for (String field : new String[] { "returnAfterDays", "noProgressDays", "warnDays", "active" }) {
				typed.put(field, request.getParameter(field));
			}
			model.addAttribute("ruleTyped", typed);
		}
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
