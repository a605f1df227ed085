package dev.holdfast.customer;

/**
 * Why a customer's owner changed, as recorded in the ownership history. Edits and
 * transfers count against the transfer limit; the others are the company's own moves.
 */
public enum OwnerChangeKind {

	CREATED, EDIT, TRANSFER, RESTORE, HANDOVER, DEPARTURE,

	/** Returned to the public pool by its rules (the nightly job) or by a manager. */
	POOL_RETURN,

	/** Claimed from the public pool by a rep. */
	CLAIM,

	/** Given from the public pool to a rep by a manager. */
	POOL_ASSIGN,

	/**
	 * Brought in with its owner as of the day it began, before Holdfast (moving in, the
	 * demo company).
	 */
	IMPORTED,

	/**
	 * Moved to another rep by a manager's rotation of key accounts (轮岗): planned, so not
	 * counted against the transfer limit.
	 */
	ROTATION;

	public boolean counted() {
		return this == EDIT || this == TRANSFER;
	}

}
