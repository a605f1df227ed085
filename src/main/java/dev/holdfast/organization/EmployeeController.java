package dev.holdfast.organization;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
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

import dev.holdfast.shared.AccessDenials;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.FormErrors;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.Htmx;
import dev.holdfast.shared.InvalidInputException;
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

	private final ObjectProvider<AccessDenials> denials;

	EmployeeController(OrganizationManagement organization, FormErrors formErrors,
			ObjectProvider<AccessDenials> denials) {
		this.organization = organization;
		this.formErrors = formErrors;
		this.denials = denials;
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
	String create(@Valid EmployeeForm submitted, BindingResult result, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		// whoever typed the password knows it: the employee chooses their own at first
		// login
		EmployeeForm form = new EmployeeForm(submitted.username(), submitted.displayName(), submitted.password(),
				submitted.departmentId(), submitted.managerId(), submitted.roles(), submitted.email(),
				submitted.phone(), true);
		if (result.hasErrors()) {
			return formPage(model, form, null, this.formErrors.of(result));
		}
		try {
			EmployeeView created = this.organization.createEmployee(form);
			redirect.addFlashAttribute("flash", "employee.created");
			return "redirect:/admin/employees/" + created.id();
		}
		catch (InvalidInputException ex) {
			return formPage(model, form, null, this.formErrors.of(ex));
		}
		catch (ConflictException ex) {
			return formPage(model, form, null, Map.of("username", this.formErrors.translate(ex.getMessage())));
		}
		catch (ForbiddenException ex) {
			refused(ex, "/admin/employees", response);
			return formPage(model, form, null, Map.of("roles", this.formErrors.translate(ex.getMessage())));
		}
		catch (ApprovalPendingException ex) {
			return waiting(ex, redirect, "/admin/approvals/" + ex.request().id());
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		return formPage(model, null, this.organization.employee(id), Map.of());
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid EmployeeChanges changes, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		EmployeeView employee = this.organization.employee(id);
		// an edit form always shows every role: none ticked means none, not "unchanged"
		EmployeeChanges complete = new EmployeeChanges(changes.displayName(), orEmpty(changes.email()),
				orEmpty(changes.phone()), changes.departmentId(), changes.managerId(), changes.managerId() == null,
				changes.roles() == null ? List.of() : changes.roles(), changes.status(), changes.password(),
				changes.version(), changes.password() != null && id != CurrentEmployee.id());
		if (result.hasErrors()) {
			return formPage(model, null, edited(employee, complete), this.formErrors.of(result));
		}
		try {
			this.organization.updateEmployee(id, complete);
		}
		catch (InvalidInputException ex) {
			return formPage(model, null, edited(employee, complete), this.formErrors.of(ex));
		}
		catch (ConflictException | ForbiddenException ex) {
			if (ex instanceof ForbiddenException refusal) {
				refused(refusal, "/admin/employees/" + id, response);
			}
			return formPage(model, null, edited(employee, complete),
					Map.of("form", this.formErrors.translate(ex.getMessage())));
		}
		catch (ApprovalPendingException ex) {
			return waiting(ex, redirect, "/admin/employees/" + id);
		}
		redirect.addFlashAttribute("flash", "employee.saved");
		return "redirect:/admin/employees/" + id;
	}

	/**
	 * The form is shown again with the reason, as a 403 that is audited like any other.
	 */
	private void refused(ForbiddenException refusal, String path, HttpServletResponse response) {
		this.denials.ifAvailable(d -> d.record(refusal, "POST", path));
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
	}

	/** Nothing changed yet: the act waits for a second administrator. */
	private static String waiting(ApprovalPendingException ex, RedirectAttributes redirect, String target) {
		redirect.addFlashAttribute("flash", "approvals.requested");
		redirect.addFlashAttribute("flashCount", ex.request().id());
		return "redirect:" + target;
	}

	private String formPage(Model model, EmployeeForm form, EmployeeView employee, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("employee", employee);
		model.addAttribute("errors", errors);
		model.addAttribute("departments", departmentNames());
		model.addAttribute("managers",
				this.organization.employees(null, null, new PageRequest(0, PageRequest.MAX_SIZE)).items());
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
