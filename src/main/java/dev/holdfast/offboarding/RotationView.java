package dev.holdfast.offboarding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A rotation plan with the customers its reader may see and their notes.
 *
 * @param careVisits the care visits its key (A/B) customers were given
 */
public record RotationView(long id, long fromEmployeeId, String fromName, long toEmployeeId, String toName,
		LocalDate rotateOn, String reason, RotationStatus status, long plannedBy, String plannedByName,
		Instant plannedAt, Instant finishedAt, String cancelReason, int customers, long rotated, long alreadyMoved,
		long careVisits, List<Item> items) {

	/** A customer of the plan, its note and what happened to it. */
	public record Item(long customerId, String customerName, String level, String note, String outcome,
			Instant doneAt) {
	}

	public boolean cancellable() {
		return this.status == RotationStatus.PLANNED;
	}

}
