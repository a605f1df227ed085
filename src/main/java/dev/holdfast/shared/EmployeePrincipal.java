package dev.holdfast.shared;

/**
 * What every module may know about the authenticated employee behind a request, without
 * depending on the security module.
 */
public interface EmployeePrincipal {

	long employeeId();

	String username();

	/**
	 * Whether the application itself is seeding data in this employee's name (the demo
	 * company), not a person at work: limits that ration a person's answers, such as the
	 * duplicate-check budget, don't apply. No login yields such a principal.
	 */
	default boolean seeding() {
		return false;
	}

}
