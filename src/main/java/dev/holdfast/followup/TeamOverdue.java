package dev.holdfast.followup;

import java.util.List;

/**
 * One owner's overdue customers, in a manager's team list.
 */
public record TeamOverdue(long ownerId, String ownerName, List<RhythmReminder> customers) {
}
