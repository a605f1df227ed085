package dev.holdfast.customer;

/**
 * What a role shows of a sensitive contact field, from the least to the most it gives
 * away. An employee with several roles gets the most permissive of them, except that FULL
 * counts only on customers the employee is a team member of (those they serve); elsewhere
 * it is MASKED.
 */
public enum FieldPolicy {

	/** The field is left out (null) and cannot be revealed. */
	HIDDEN,

	/**
	 * The field is masked ({@code 138****5678}); its value can be revealed, audited,
	 * within a quota.
	 */
	MASKED,

	/** The field is shown as it is. */
	FULL

}
