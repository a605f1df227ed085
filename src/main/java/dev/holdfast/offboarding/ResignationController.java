package dev.holdfast.offboarding;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.web.FormErrors;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * HR records a resignation from the employee's page: notice date, last working day,
 * reason, and who takes over if not the employee's manager.
 */
@FreeOfCustomerData
@Controller
@RequiresPermission({ Permission.EMPLOYEE_MANAGE, Permission.OFFBOARDING_EXECUTE })
@RequestMapping("/admin/employees/{id}/resignation")
class ResignationController {

	private final Resignations resignations;

	private final OrganizationManagement organization;

	private final FormErrors formErrors;

	private final Successors successors;

	ResignationController(Resignations resignations, OrganizationManagement organization, FormErrors formErrors,
			Successors successors) {
		this.resignations = resignations;
		this.organization = organization;
		this.formErrors = formErrors;
		this.successors = successors;
	}

	@GetMapping
	String form(@PathVariable long id, Model model) {
		return page(id, null, Map.of(), model);
	}

	@PostMapping
	@FormPage("page")
	String resign(@PathVariable long id, @Valid ResignationForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return page(id, form, this.formErrors.of(result), model);
		}
		CaseDetails created = this.resignations.resign(id, form);
		redirect.addFlashAttribute("flash", "offboarding.resigned");
		return "redirect:/offboarding/" + created.id();
	}

	private String page(long id, ResignationForm form, Map<String, String> errors, Model model) {
		EmployeeView employee = this.organization.employee(id);
		model.addAttribute("employee", employee);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		// only those the case may have as manager: they get what is left on the last day
		model.addAttribute("managers", this.successors.candidates(id));
		model.addAttribute("managerName",
				employee.managerId() == null ? null : this.organization.displayName(employee.managerId()));
		return "offboarding/resignation";
	}

}
