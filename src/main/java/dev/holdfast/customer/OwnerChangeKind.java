package dev.holdfast.customer;

/**
 * Why a customer's owner changed, as recorded in the ownership history. Edits and
 * transfers count against the transfer limit; the others are the company's own moves.
 */
public enum OwnerChangeKind {

	CREATED, EDIT, TRANSFER, RESTORE, HANDOVER, DEPARTURE;

	public boolean counted() {
		return this == EDIT || this == TRANSFER;
	}

}
