package dev.holdfast.organization;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

@FreeOfCustomerData
@RestController
@RequestMapping("/api/v1")
class OrganizationApi {

	private final OrganizationManagement organization;

	OrganizationApi(OrganizationManagement organization) {
		this.organization = organization;
	}

	@PostMapping("/departments")
	@RequiresPermission(Permission.DEPARTMENT_MANAGE)
	@ResponseStatus(HttpStatus.CREATED)
	DepartmentView createDepartment(@Valid @RequestBody DepartmentForm form) {
		return this.organization.createDepartment(form);
	}

	@GetMapping("/departments")
	@RequiresPermission(anyOf = { Permission.DEPARTMENT_MANAGE, Permission.EMPLOYEE_MANAGE })
	List<DepartmentView> departments() {
		return this.organization.departments();
	}

	@PostMapping("/employees")
	@RequiresPermission(Permission.EMPLOYEE_MANAGE)
	@ResponseStatus(HttpStatus.CREATED)
	EmployeeView createEmployee(@Valid @RequestBody EmployeeForm form) {
		return this.organization.createEmployee(form);
	}

	@GetMapping("/employees")
	@RequiresPermission(Permission.EMPLOYEE_MANAGE)
	PageResult<EmployeeView> employees(@RequestParam(required = false) String q,
			@RequestParam(required = false) Long departmentId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.organization.employees(q, departmentId, PageRequest.of(page, size));
	}

	@GetMapping("/employees/{id}")
	@RequiresPermission(Permission.EMPLOYEE_MANAGE)
	EmployeeView employee(@PathVariable long id) {
		return this.organization.employee(id);
	}

	@PatchMapping("/employees/{id}")
	@RequiresPermission(Permission.EMPLOYEE_MANAGE)
	EmployeeView updateEmployee(@PathVariable long id, @Valid @RequestBody EmployeeChanges changes) {
		return this.organization.updateEmployee(id, changes);
	}

	/** 202 with the request when the act waits for a second administrator. */
	@ExceptionHandler(ApprovalPendingException.class)
	ResponseEntity<Map<String, Object>> pending(ApprovalPendingException ex) {
		return ex.accepted();
	}

	@GetMapping("/roles")
	@RequiresPermission(anyOf = { Permission.ROLE_MANAGE, Permission.EMPLOYEE_MANAGE })
	List<RoleView> roles() {
		return this.organization.roles();
	}

	@PostMapping("/roles")
	@RequiresPermission(Permission.ROLE_MANAGE)
	@ResponseStatus(HttpStatus.CREATED)
	RoleView createRole(@Valid @RequestBody RoleForm form) {
		return this.organization.createRole(form);
	}

}
