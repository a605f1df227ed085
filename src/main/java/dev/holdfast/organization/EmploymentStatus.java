package dev.holdfast.organization;

import dev.holdfast.shared.LabelPrefix;

/**
 * Where an employee stands: working, serving their notice period, or gone.
 */
@LabelPrefix("employee.status")
public enum EmploymentStatus {

	ACTIVE, LEAVING, DEPARTED

}
