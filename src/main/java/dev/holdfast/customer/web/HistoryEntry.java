package dev.holdfast.customer.web;

import java.time.Instant;

import dev.holdfast.customer.OwnerChangeView;
import dev.holdfast.customer.RevisionView;

/**
 * One line of a customer's history: a revision of the customer or a contact, or a change
 * of its owner; the one that is not this line's is null.
 */
public record HistoryEntry(RevisionView revision, OwnerChangeView ownerChange) {

	public Instant at() {
		return this.revision != null ? this.revision.changedAt() : this.ownerChange.changedAt();
	}

	/** {@code entity:id} of a revision, {@code owner:id} of an owner change. */
	public String key() {
		return this.revision != null ? this.revision.entity() + ":" + this.revision.id()
				: "owner:" + this.ownerChange.id();
	}

}
