package dev.holdfast.shared;

/**
 * The one meter of reads of customer data. Every service method that hands customer data
 * to a caller (a customer, its contacts, history, follow-ups, members, files, care
 * visits, complaints, rhythm; rows of lists of them) calls it once, after its visibility
 * check and before it returns: the read then counts against the employee's budget,
 * whether it came from a page or the API, and is scored by the risk indicators. Over the
 * budget it throws {@link TooManyRequestsException} (429 with {@code Retry-After}) and
 * the refusal is audited.
 * <p>
 * Reads outside a request of an employee (jobs, the handover, listeners) are not metered;
 * exports have limits of their own and do not call it.
 */
public interface CustomerReads {

	/**
	 * Data of one customer is read: the first such read in a request costs one from the
	 * employee's budget of records, further reads of the same customer in that request
	 * nothing (a page and its parts are one read).
	 */
	void customer(long customerId);

	/**
	 * A list showed this many rows of customer data: each costs one from the employee's
	 * budget of rows.
	 */
	void rows(int rows);

}
