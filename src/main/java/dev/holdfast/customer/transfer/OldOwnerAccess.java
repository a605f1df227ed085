package dev.holdfast.customer.transfer;

import dev.holdfast.customer.MemberAccess;
import dev.holdfast.shared.LabelPrefix;

/**
 * What the previous owner keeps after a transfer: READ or WRITE membership of the team,
 * or nothing.
 */
@LabelPrefix("transfer.oldOwnerAccess")
public enum OldOwnerAccess {

	NONE, READ, WRITE;

	/** The team membership this stands for; null for NONE. */
	public MemberAccess asMember() {
		return this == NONE ? null : MemberAccess.valueOf(name());
	}

}
