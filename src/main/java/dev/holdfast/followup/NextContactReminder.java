package dev.holdfast.followup;

import java.time.Instant;

/**
 * A next contact the employee promised in a follow-up that no later follow-up of the
 * customer has answered yet.
 *
 * @param missed whether the promised time has passed; a missed promise does not make the
 * customer overdue ({@link OverdueCustomers})
 * @param fromFile whether the follow-up was brought in from a file (an import, the demo):
 * its date without a time of day is shown without one
 */
public record NextContactReminder(long followUpId, long customerId, String customerName, Instant nextContactAt,
		boolean missed, boolean fromFile) {
}
