package dev.holdfast.care;

/**
 * Care visits as SQL conditions over another module's customer rows, for set-based
 * reports (the dashboard): the care module owns the {@code care_visit} table, so it
 * writes the SQL that reads it. Each takes the SQL expression of the customer's id and
 * names the parameters it uses.
 */
public final class CareVisitConditions {

	private CareVisitConditions() {
	}

	/** Whether a care visit of the customer was completed after {@code :<since>}. */
	public static String doneSince(String customerId, String since) {
		return "exists (select 1 from care_visit v where v.customer_id = " + customerId
				+ " and v.status = 'DONE' and v.completed_at > :" + since + ")";
	}

	/** The time of the customer's latest completed care visit (null without one). */
	static String lastDone(String customerId) {
		return "(select max(v.completed_at) from care_visit v where v.customer_id = " + customerId
				+ " and v.status = 'DONE')";
	}

}
