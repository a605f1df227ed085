package dev.holdfast.organization;

/**
 * Where an employee stands: working, serving their notice period, or gone.
 */
public enum EmploymentStatus {

	ACTIVE, LEAVING, DEPARTED

}
