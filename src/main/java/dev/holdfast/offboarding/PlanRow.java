package dev.holdfast.offboarding;

import java.time.Instant;

/**
 * One customer in a handover plan.
 *
 * @param ownerId who the customer will go to: the edited choice, else the proposal
 * @param reason why the proposal: WRITE_MEMBER, LEAST_LOADED_COLLEAGUE, MANAGER or
 * ADDED_LATER (a customer the leaver got after the plan was made)
 * @param nextContactAt the earliest next-contact date the leaver set that is still ahead
 */
public record PlanRow(long customerId, String customerName, String level, long proposedOwnerId,
		String proposedOwnerName, String reason, Long newOwnerId, Long ownerId, String ownerName, Instant nextContactAt,
		boolean hasNote, Instant doneAt, String outcome) {
}
