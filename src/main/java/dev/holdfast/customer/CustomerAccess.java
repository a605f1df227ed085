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
	WRITE,
	/**
	 * see it because it is in a public pool the caller may claim from: the customer and
	 * its masked contacts, not its history, team or revealed contact data
	 */
	POOL;

	public boolean canRead() {
		return this != NONE;
	}

	public boolean canWrite() {
		return this == WRITE;
	}

}
