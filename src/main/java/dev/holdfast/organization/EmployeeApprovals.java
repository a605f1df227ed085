package dev.holdfast.organization;

import tools.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The organisation's acts that wait for a second administrator: creating an employee with
 * roles that reach customer data, and changing an employee's roles, credentials or
 * departure. What was asked is kept with a password only as its hash.
 */
@Configuration(proxyBeanMethods = false)
class EmployeeApprovals {

	static final String CREATION = "EMPLOYEE_CREATION";

	static final String CHANGE = "EMPLOYEE_CHANGE";

	/** A new employee as asked, less the password. */
	record PendingCreation(EmployeeForm form, String passwordHash) {
	}

	/** A change as asked, less the password. */
	record PendingChange(EmployeeChanges changes, String passwordHash) {
	}

	@Bean
	ApprovableAction employeeCreation(OrganizationManagement organization, ObjectMapper json) {
		return ApprovableAction.of(CREATION, (employeeId, payload) -> {
			PendingCreation pending = json.treeToValue(payload, PendingCreation.class);
			return organization.createApproved(pending.form(), pending.passwordHash()).id();
		});
	}

	@Bean
	ApprovableAction employeeChange(OrganizationManagement organization, ObjectMapper json) {
		return ApprovableAction.of(CHANGE, (employeeId, payload) -> {
			PendingChange pending = json.treeToValue(payload, PendingChange.class);
			return organization.changeApproved(employeeId, pending.changes(), pending.passwordHash()).id();
		});
	}

}
