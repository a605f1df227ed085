package dev.holdfast.organization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.holdfast.shared.web.FormPage;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The administrator's pages for the department tree and the roles.
 */
@FreeOfCustomerData
@Controller
@RequestMapping("/admin")
class OrganizationController {

	private final OrganizationManagement organization;

	OrganizationController(OrganizationManagement organization) {
		this.organization = organization;
	}

	@GetMapping("/departments")
	@RequiresPermission(Permission.DEPARTMENT_MANAGE)
	String departments(Model model) {
		return departmentsPage(model, null, Map.of());
	}

	@PostMapping("/departments")
	@RequiresPermission(Permission.DEPARTMENT_MANAGE)
	@FormPage(value = "departmentsPage", conflictField = "name")
	String createDepartment(@Valid DepartmentForm form, RedirectAttributes redirect) {
		this.organization.createDepartment(form);
		redirect.addFlashAttribute("flash", "department.created");
		return "redirect:/admin/departments";
	}

	@GetMapping("/roles")
	@RequiresPermission(anyOf = { Permission.ROLE_MANAGE, Permission.EMPLOYEE_MANAGE })
	String roles(Model model) {
		return rolesPage(model, null, Map.of());
	}

	@PostMapping("/roles")
	@RequiresPermission(Permission.ROLE_MANAGE)
	@FormPage(value = "rolesPage", conflictField = "code")
	String createRole(@Valid RoleForm form, RedirectAttributes redirect) {
		this.organization.createRole(form);
		redirect.addFlashAttribute("flash", "role.created");
		return "redirect:/admin/roles";
	}

	private String departmentsPage(Model model, DepartmentForm form, Map<String, String> errors) {
		List<DepartmentView> all = this.organization.departments();
		model.addAttribute("rows", DepartmentRow.tree(all));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "admin/departments";
	}

	private String rolesPage(Model model, RoleForm form, Map<String, String> errors) {
		model.addAttribute("roles", this.organization.roles());
		model.addAttribute("permissions", Arrays.stream(Permission.values()).map(Permission::code).toList());
		model.addAttribute("scopes", DataScope.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "admin/roles";
	}

	/** A department with its depth in the tree, listed in tree order. */
	record DepartmentRow(DepartmentView department, int depth) {

		static List<DepartmentRow> tree(List<DepartmentView> all) {
			List<DepartmentRow> rows = new ArrayList<>();
			all.stream().filter(d -> d.parentId() == null).forEach(root -> addWithChildren(root, 0, all, rows));
			return rows;
		}

		private static void addWithChildren(DepartmentView department, int depth, List<DepartmentView> all,
				List<DepartmentRow> rows) {
			rows.add(new DepartmentRow(department, depth));
			all.stream()
				.filter(d -> department.id() == (d.parentId() == null ? -1 : d.parentId()))
				.forEach(child -> addWithChildren(child, depth + 1, all, rows));
		}

	}

}
