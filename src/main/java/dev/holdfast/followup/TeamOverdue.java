package dev.holdfast.followup;

import java.util.List;

/**
 * One owner's overdue customers, in a manager's team list.
 *
 * @param overdue how many there are ({@link OverdueCustomers})
 * @param customers the earliest due of them, as many as a list shows
 */
public record TeamOverdue(long ownerId, String ownerName, long overdue, List<RhythmReminder> customers) {
}
