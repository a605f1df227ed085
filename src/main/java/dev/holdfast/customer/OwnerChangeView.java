package dev.holdfast.customer;

import java.time.Instant;
import java.util.Map;

/**
 * One change of a customer's owner, as its history shows it: who made it (null: the
 * system), when, from whom to whom (null: the public pool or nobody) and why, the kind
 * and, where a person wrote one (a transfer, a return to the pool by hand), their reason.
 */
public record OwnerChangeView(long id, OwnerChangeKind kind, Long oldOwnerId, String oldOwnerName, Long newOwnerId,
		String newOwnerName, Instant changedAt, Long changedBy, String changedByName, String reason) {

	/** The same change with the employees' display names filled in. */
	OwnerChangeView named(Map<Long, String> names) {
		return new OwnerChangeView(this.id, this.kind, this.oldOwnerId, names.get(this.oldOwnerId), this.newOwnerId,
				names.get(this.newOwnerId), this.changedAt, this.changedBy, names.get(this.changedBy), this.reason);
	}

}
