package dev.holdfast.demo;

import dev.holdfast.shared.EmployeePrincipal;

/**
 * The first administrator, as whom the demo company is created: the module services check
 * permissions and record audit events for the employee of the current authentication.
 */
record DemoPrincipal(long employeeId, String username) implements EmployeePrincipal {

	@Override
	public boolean seeding() {
		return true;
	}

}
