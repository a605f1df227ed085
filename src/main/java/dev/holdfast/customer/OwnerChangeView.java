package dev.holdfast.customer;

import java.time.Instant;
import java.util.Map;

/**
 * One change of a customer's owner, as its history shows it: who made it (null: the
 * system), when, from whom to whom (null: the public pool or nobody) and why, the kind
 * and, where a person wrote one (a transfer, a return to the pool by hand), their reason.
 * {@code previousOwnerWithheld}: a change from before a return to the pool (or that
 * return) whose owners, reason and maker are not shown to this reader (see
 * {@link CustomerManagement#ownerChanges}).
 */
public record OwnerChangeView(long id, OwnerChangeKind kind, Long oldOwnerId, String oldOwnerName, Long newOwnerId,
		String newOwnerName, Instant changedAt, Long changedBy, String changedByName, String reason,
		boolean previousOwnerWithheld) {

	/** The same change with the employees' display names filled in. */
	OwnerChangeView named(Map<Long, String> names) {
		return new OwnerChangeView(this.id, this.kind, this.oldOwnerId, names.get(this.oldOwnerId), this.newOwnerId,
				names.get(this.newOwnerId), this.changedAt, this.changedBy, names.get(this.changedBy), this.reason,
				this.previousOwnerWithheld);
	}

	/**
	 * The same change without its owners and reason, made by {@code shownBy} (or null).
	 */
	OwnerChangeView withheld(Long shownBy) {
		return new OwnerChangeView(this.id, this.kind, null, null, null, null, this.changedAt, shownBy, null, null,
				true);
	}

	/** Whether a withheld change had an owner before it (for its wording). */
	public boolean withheldOwnerBefore() {
		return this.previousOwnerWithheld && this.kind != OwnerChangeKind.CLAIM
				&& this.kind != OwnerChangeKind.POOL_ASSIGN && this.kind != OwnerChangeKind.CREATED
				&& this.kind != OwnerChangeKind.IMPORTED;
	}

	/** Whether a withheld change left an owner after it (for its wording). */
	public boolean withheldOwnerAfter() {
		return this.previousOwnerWithheld && this.kind != OwnerChangeKind.POOL_RETURN;
	}

}
