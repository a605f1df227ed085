package dev.holdfast.customer;

/**
 * What the previous owner keeps after a transfer: READ or WRITE membership of the team,
 * or nothing.
 */
public enum OldOwnerAccess {

	NONE, READ, WRITE;

	/** The team membership this stands for; null for NONE. */
	MemberAccess asMember() {
		return this == NONE ? null : MemberAccess.valueOf(name());
	}

}
