package dev.holdfast.organization;

import java.util.Set;

/**
 * Permissions suspended for an employee outside their roles, e.g. by the risk module
 * after unusual activity. Asked on every request with the rest of the login account, so a
 * suspension or its lifting takes effect at once on every instance.
 */
public interface AccountSuspensions {

	/** The permission codes suspended for the employee now (empty if none). */
	Set<String> suspendedPermissions(long employeeId);

}
