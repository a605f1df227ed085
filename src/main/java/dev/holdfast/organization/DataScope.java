package dev.holdfast.organization;

import dev.holdfast.shared.LabelPrefix;

/**
 * Which customers a role's holder sees, by the customer's owner.
 */
@LabelPrefix("scope")
public enum DataScope {

	/** customers the employee owns */
	SELF,
	/** and those of everyone below them in the reports-to chain */
	SUBORDINATES,
	/** and those of everyone in their own department */
	DEPARTMENT,
	/** and those of everyone in their department and the departments below it */
	DEPARTMENT_TREE,
	/** every customer */
	ALL

}
