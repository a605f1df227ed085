package dev.holdfast.followup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.shared.web.FormErrors;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The administrator's pages for follow-up templates: the list, and one editor for a new
 * or an existing template with a row per field.
 */
@Controller
@RequestMapping("/admin/follow-up-templates")
@RequiresPermission(Permission.FOLLOWUP_TEMPLATE)
class FollowUpTemplateController {

	private final FollowUpTemplates templates;

	private final FormErrors formErrors;

	private final Validator validator;

	FollowUpTemplateController(FollowUpTemplates templates, FormErrors formErrors, Validator validator) {
		this.templates = templates;
		this.formErrors = formErrors;
		this.validator = validator;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("templates", this.templates.list(true));
		model.addAttribute("navSection", "reminders");
		return "followups/templates";
	}

	@GetMapping("/new")
	String create(Model model) {
		return editor(null, new TemplatePageForm("", "", "", java.util.List.of()), Map.of(), model);
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		return editor(this.templates.get(id), TemplatePageForm.of(this.templates.get(id)), Map.of(), model);
	}

	@PostMapping({ "", "/{id}" })
	@FormPage("editorAgain")
	String save(@PathVariable(required = false) Long id, @RequestParam Map<String, String> params, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		TemplatePageForm page = TemplatePageForm.of(params);
		FollowUpTemplateForm form = page.toForm();
		Map<String, String> errors = new LinkedHashMap<>();
		Set<ConstraintViolation<FollowUpTemplateForm>> violations = this.validator.validate(form);
		violations.forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString().replace("fields[", "field["),
				this.formErrors.translate(v.getMessage())));
		if (!errors.isEmpty()) {
			response.setStatus(422);
			return editor(id == null ? null : this.templates.get(id), page, errors, model);
		}
		FollowUpTemplateView saved = id == null ? this.templates.create(form) : this.templates.update(id, form);
		redirect.addFlashAttribute("flash", "rhythm.template.saved");
		return "redirect:/admin/follow-up-templates/" + saved.id();
	}

	/**
	 * The editor again with the service's refusal (for the web error advice: 422 for
	 * refused input, 409 for a conflict): the rows as submitted, messages at their rows.
	 */
	private String editorAgain(Long id, Map<String, String> errors, Model model, HttpServletRequest request) {
		Map<String, String> params = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? null : values[0]));
		Map<String, String> rows = new LinkedHashMap<>();
		errors.forEach((field, message) -> rows.put(field.replace("fields[", "field["), message));
		return editor(id == null ? null : this.templates.get(id), TemplatePageForm.of(params), rows, model);
	}

	@PostMapping("/{id}/archive")
	String archive(@PathVariable long id, RedirectAttributes redirect) {
		this.templates.archive(id);
		redirect.addFlashAttribute("flash", "rhythm.template.archived");
		return "redirect:/admin/follow-up-templates";
	}

	private String editor(FollowUpTemplateView template, TemplatePageForm form, Map<String, String> errors,
			Model model) {
		model.addAttribute("template", template);
		model.addAttribute("form", form.withBlankRows());
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", FollowUpKind.values());
		model.addAttribute("levels", CustomerLevel.values());
		model.addAttribute("types", TemplateFieldType.values());
		model.addAttribute("navSection", "reminders");
		return "followups/template";
	}

}
