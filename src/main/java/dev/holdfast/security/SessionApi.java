package dev.holdfast.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/**
 * The caller's open web sessions and API tokens, and an administrator's view of anyone's;
 * each can be ended.
 */
@FreeOfCustomerData
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RestController
@RequestMapping("/api/v1")
class SessionApi {

	private final Sessions sessions;

	private final OrganizationManagement organization;

	SessionApi(Sessions sessions, OrganizationManagement organization) {
		this.sessions = sessions;
		this.organization = organization;
	}

	@GetMapping("/me/sessions")
	@AnyEmployee
	List<Sessions.OpenLogin> mine(Authentication authentication, HttpServletRequest request) {
		HoldfastUser user = (HoldfastUser) authentication.getPrincipal();
		return this.sessions.of(user.employeeId(), user.username(), null);
	}

	@DeleteMapping("/me/sessions/{id}")
	@AnyEmployee
	ResponseEntity<Void> endMine(@PathVariable String id, Authentication authentication) {
		HoldfastUser user = (HoldfastUser) authentication.getPrincipal();
		this.sessions.end(user.employeeId(), user.username(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/employees/{employeeId}/sessions")
	@RequiresPermission(Permission.EMPLOYEE_MANAGE)
	List<Sessions.OpenLogin> ofEmployee(@PathVariable long employeeId) {
		EmployeeView employee = this.organization.employee(employeeId);
		return this.sessions.of(employee.id(), employee.username(), null);
	}

	@DeleteMapping("/employees/{employeeId}/sessions/{id}")
	@RequiresPermission(Permission.EMPLOYEE_MANAGE)
	ResponseEntity<Void> endOfEmployee(@PathVariable long employeeId, @PathVariable String id) {
		EmployeeView employee = this.organization.employee(employeeId);
		this.sessions.end(employee.id(), employee.username(), id);
		return ResponseEntity.noContent().build();
	}

}
