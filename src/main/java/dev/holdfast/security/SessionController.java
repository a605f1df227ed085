package dev.holdfast.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.FreeOfCustomerData;
import dev.holdfast.shared.Permission;
import dev.holdfast.shared.RequiresPermission;

/** The sessions page: one's own, and (for administrators) an employee's. */
@FreeOfCustomerData
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class SessionController {

	private final Sessions sessions;

	private final OrganizationManagement organization;

	SessionController(Sessions sessions, OrganizationManagement organization) {
		this.sessions = sessions;
		this.organization = organization;
	}

	@GetMapping("/security/sessions")
	@AnyEmployee
	String mine(Authentication authentication, HttpServletRequest request, Model model) {
		HoldfastUser user = (HoldfastUser) authentication.getPrincipal();
		HttpSession session = request.getSession(false);
		model.addAttribute("navSection", "security");
		model.addAttribute("logins",
				this.sessions.of(user.employeeId(), user.username(), session == null ? null : session.getId()));
		model.addAttribute("endPath", "/security/sessions/");
		return "security/sessions";
	}

	@PostMapping("/security/sessions/{id}/end")
	@AnyEmployee
	String endMine(@PathVariable String id, Authentication authentication) {
		HoldfastUser user = (HoldfastUser) authentication.getPrincipal();
		this.sessions.end(user.employeeId(), user.username(), id);
		return "redirect:/security/sessions";
	}

	@GetMapping("/admin/employees/{employeeId}/sessions")
	@RequiresPermission(Permission.EMPLOYEE_MANAGE)
	String ofEmployee(@PathVariable long employeeId, Model model) {
		EmployeeView employee = this.organization.employee(employeeId);
		model.addAttribute("navSection", "employees");
		model.addAttribute("employee", employee);
		model.addAttribute("logins", this.sessions.of(employee.id(), employee.username(), null));
		model.addAttribute("endPath", "/admin/employees/" + employeeId + "/sessions/");
		return "security/sessions";
	}

	@PostMapping("/admin/employees/{employeeId}/sessions/{id}/end")
	@RequiresPermission(Permission.EMPLOYEE_MANAGE)
	String endOfEmployee(@PathVariable long employeeId, @PathVariable String id) {
		EmployeeView employee = this.organization.employee(employeeId);
		this.sessions.end(employee.id(), employee.username(), id);
		return "redirect:/admin/employees/" + employeeId + "/sessions";
	}

}
