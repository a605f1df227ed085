package dev.holdfast.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.web.FormErrors;
import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.web.Htmx;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The pages where administrators and HR find, create and edit employees: accounts,
 * placement, roles and status.
 */
@FreeOfCustomerData
@Controller
@RequestMapping("/admin/employees")
@RequiresPermission(Permission.EMPLOYEE_MANAGE)
class EmployeeController {

	private static final int PAGE_SIZE = 20;

	private final OrganizationManagement organization;

	private final FormErrors formErrors;

	EmployeeController(OrganizationManagement organization, FormErrors formErrors) {
		this.organization = organization;
		this.formErrors = formErrors;
	}

	@InitBinder
	void blankIsNull(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long departmentId,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		PageResult<EmployeeView> result = this.organization.employees(q, departmentId,
				new PageRequest(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("result", result);
		model.addAttribute("q", q);
		model.addAttribute("departmentId", departmentId);
		List<OrganizationController.DepartmentRow> departments = departmentNames();
		model.addAttribute("roleNames",
				this.organization.roles()
					.stream()
					.collect(java.util.stream.Collectors.toMap(RoleView::code, RoleView::name)));
		model.addAttribute("departments", departments);
		model.addAttribute("departmentNames", departments.stream()
			.collect(java.util.stream.Collectors.toMap(row -> row.department().id(), row -> row.department().name())));
		model.addAttribute("baseUrl",
				UriComponentsBuilder.fromPath("/admin/employees")
					.queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(s -> !s.isBlank()))
					.queryParamIfPresent("departmentId", java.util.Optional.ofNullable(departmentId))
					.build()
					.toUriString());
		return Htmx.wantsFragment(request, response) ? "admin/employees :: results" : "admin/employees";
	}

	@GetMapping("/new")
	String newEmployee(Model model) {
		return formPage(model, null, null, Map.of());
	}

	@PostMapping
	@FormPage(value = "createForm", conflictField = "username", refusalField = "roles")
	String create(@Valid EmployeeForm submitted, RedirectAttributes redirect) {
		EmployeeForm form = firstLogin(submitted);
		try {
			EmployeeView created = this.organization.createEmployee(form);
			redirect.addFlashAttribute("flash", "employee.created");
			return "redirect:/admin/employees/" + created.id();
		}
		catch (ApprovalPendingException ex) {
			// kept: not a refusal but the act stored for a second administrator
			return waiting(ex, redirect, "/admin/approvals/" + ex.request().id());
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		return formPage(model, null, this.organization.employee(id), Map.of());
	}

	@PostMapping("/{id}")
	@FormPage(value = "editForm", refusalField = "form")
	String update(@PathVariable long id, @Valid EmployeeChanges changes, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		// the employee first: one the caller may not see answers 404 whatever was typed
		EmployeeView employee = this.organization.employee(id);
		EmployeeChanges complete = complete(id, changes);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return formPage(model, null, edited(employee, complete), this.formErrors.of(result));
		}
		try {
			this.organization.updateEmployee(id, complete);
		}
		catch (ApprovalPendingException ex) {
			// kept: not a refusal but the act stored for a second administrator
			return waiting(ex, redirect, "/admin/employees/" + id);
		}
		redirect.addFlashAttribute("flash", "employee.saved");
		return "redirect:/admin/employees/" + id;
	}

	/** The new employee's form again, as submitted (for the web error advice). */
	private String createForm(EmployeeForm submitted, Map<String, String> errors, Model model) {
		return formPage(model, firstLogin(submitted), null, errors);
	}

	/** An employee's form again, as submitted (for the web error advice). */
	private String editForm(long id, EmployeeChanges changes, Map<String, String> errors, Model model) {
		return formPage(model, null, edited(this.organization.employee(id), complete(id, changes)), errors);
	}

	/**
	 * Whoever typed the password knows it: the employee chooses their own at first login.
	 */
	private static EmployeeForm firstLogin(EmployeeForm submitted) {
		return new EmployeeForm(submitted.username(), submitted.displayName(), submitted.password(),
				submitted.departmentId(), submitted.managerId(), submitted.roles(), submitted.email(),
				submitted.phone(), true);
	}

	/** An edit form always shows every role: none ticked means none, not "unchanged". */
	private static EmployeeChanges complete(long id, EmployeeChanges changes) {
		return new EmployeeChanges(changes.displayName(), orEmpty(changes.email()), orEmpty(changes.phone()),
				changes.departmentId(), changes.managerId(), changes.managerId() == null,
				changes.roles() == null ? List.of() : changes.roles(), changes.status(), changes.password(),
				changes.version(), changes.password() != null && id != CurrentEmployee.id());
	}

	/** Nothing changed yet: the act waits for a second administrator. */
	private static String waiting(ApprovalPendingException ex, RedirectAttributes redirect, String target) {
		redirect.addFlashAttribute("flash", "approvals.requested");
		redirect.addFlashAttribute("flashCount", ex.request().id());
		return "redirect:" + target;
	}

	/**
	 * Every employee of the company who has not left (not a page of it), and the
	 * employee's current manager even when that manager has left, so that saving the form
	 * keeps them.
	 */
	private List<EmployeeView> managerChoices(EmployeeView employee) {
		List<EmployeeView> active = this.organization.currentEmployees();
		if (employee == null || employee.managerId() == null
				|| active.stream().anyMatch(e -> e.id() == employee.managerId())) {
			return active;
		}
		List<EmployeeView> choices = new ArrayList<>(active);
		choices.add(this.organization.employee(employee.managerId()));
		return choices;
	}

	private String formPage(Model model, EmployeeForm form, EmployeeView employee, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("employee", employee);
		model.addAttribute("errors", errors);
		model.addAttribute("departments", departmentNames());
		model.addAttribute("managers", managerChoices(employee));
		model.addAttribute("roles", this.organization.roles());
		model.addAttribute("statuses", EmploymentStatus.values());
		return "admin/employee-form";
	}

	private List<OrganizationController.DepartmentRow> departmentNames() {
		return OrganizationController.DepartmentRow.tree(this.organization.departments());
	}

	/** The employee as the user submitted it, to show the form again with their input. */
	private static EmployeeView edited(EmployeeView before, EmployeeChanges changes) {
		return new EmployeeView(before.id(), before.username(), changes.displayName(), changes.email(), changes.phone(),
				changes.departmentId(), changes.managerId(), changes.roles(),
				changes.status() == null ? before.status() : changes.status(), before.version(), before.createdAt());
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

}
