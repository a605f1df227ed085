package dev.holdfast.offboarding;

import java.time.Instant;

/**
 * An item of the company's departure checklist on one offboarding case: who ticked it and
 * when, with their note; nobody yet while {@link #tickedAt()} is null.
 *
 * @param mayTick whether the caller may tick or untick it now
 */
public record CompanyCheck(long itemId, String title, String responsibleRole, String responsibleRoleName,
		boolean required, boolean retired, Long tickedBy, String tickedByName, Instant tickedAt, String note,
		boolean mayTick) {

	public boolean ticked() {
		return this.tickedAt != null;
	}

}
