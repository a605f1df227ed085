package dev.holdfast.customer;

/**
 * What the caller may do with one customer.
 */
public enum CustomerAccess {

	/** nothing: the customer answers 404, exactly as one that does not exist */
	NONE,
	/** see it, its contacts, team, history and follow-ups */
	READ,
	/** also change it */
	WRITE;

	public boolean canRead() {
		return this != NONE;
	}

	public boolean canWrite() {
		return this == WRITE;
	}

}
