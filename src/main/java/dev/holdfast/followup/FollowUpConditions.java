package dev.holdfast.followup;

/**
 * Follow-ups as SQL conditions and values over another module's customer rows, for
 * set-based reports (care coverage, the dashboard, handover plans): the follow-up module
 * owns the {@code follow_up} table, so it writes the SQL that reads it, as
 * {@code customer.VisibleCustomers} does for visibility. Each takes the SQL expressions
 * of the customer's id and owner (e.g. {@code "c.id"}, {@code "c.owner_id"}) and names
 * the parameters it uses; callers bind them.
 */
public final class FollowUpConditions {

	private FollowUpConditions() {
	}

	/**
	 * Whether someone other than the owner recorded a follow-up on the customer after
	 * {@code :<since>}; with {@code substantiveOnly}, a substantive one.
	 */
	public static String byOthersSince(String customerId, String ownerId, String since, boolean substantiveOnly) {
		return "exists (select 1 from follow_up f where f.customer_id = " + customerId
				+ (substantiveOnly ? " and f.substantive" : "") + " and f.created_at > :" + since
				+ " and f.author_id <> " + ownerId + ")";
	}

	/**
	 * The time of the latest substantive follow-up on the customer by someone other than
	 * the owner (null without one).
	 */
	public static String lastSubstantiveByOthers(String customerId, String ownerId) {
		return "(select max(f.created_at) from follow_up f where f.customer_id = " + customerId
				+ " and f.substantive and f.author_id <> " + ownerId + ")";
	}

	/**
	 * The earliest next contact still ahead that the employee ({@code :<employee>})
	 * planned with the customer, null without one: one they wrote, or one brought in from
	 * a file while they own the customer ({@code owner}, the customer's owner column): an
	 * imported promise is the owner's, not the importer's, as in the reminders.
	 */
	public static String nextContactBy(String customerId, String owner, String employee) {
		return "(select min(f.next_contact_at) from follow_up f where f.customer_id = " + customerId
				+ " and f.next_contact_at > now() and " + promisedBy("f", owner, employee) + ")";
	}

	/**
	 * Whether the follow-up ({@code followUp}, its table alias) is the employee's
	 * ({@code :<employee>}) promise: they wrote it, or it was brought in from a file and
	 * they own its customer ({@code owner}, the customer's owner column). The one place
	 * this rule is written; {@code ReminderQueries.nextContacts} spells the same two
	 * halves as a union, so that each half uses its own index.
	 */
	static String promisedBy(String followUp, String owner, String employee) {
		return "((" + followUp + ".brought_in_by is null and " + followUp + ".author_id = :" + employee + ") or ("
				+ followUp + ".brought_in_by is not null and " + owner + " = :" + employee + "))";
	}

}
