package dev.holdfast.customer;

/**
 * Why a customer's owner changed, as the ownership history records it. Transfers and
 * edits count against the transfer limit; handovers and departures do not.
 */
public enum OwnershipChange {

	CREATED, EDIT, TRANSFER, RESTORE, HANDOVER, DEPARTURE

}
