package dev.holdfast.followup;

import java.util.List;

/**
 * What an employee should follow up today: their customers due or overdue by rhythm, and
 * their open next-contact dates of today or before.
 *
 * @param overdue how many of their customers are overdue ({@link OverdueCustomers}); the
 * list may show fewer when it is long
 * @param rhythm their customers due before the end of today, earliest first
 * @param nextContacts their promises of today or before that no later follow-up answered
 */
public record MyReminders(long overdue, List<RhythmReminder> rhythm, List<NextContactReminder> nextContacts) {

	public boolean isEmpty() {
		return this.overdue == 0 && this.rhythm.isEmpty() && this.nextContacts.isEmpty();
	}

	/** How many of today's customers are due later today, not yet overdue. */
	public long dueToday() {
		return this.rhythm.stream().filter(r -> !r.overdue()).count();
	}

	/** How many overdue customers the list leaves out. */
	public long overdueNotListed() {
		return this.overdue - this.rhythm.stream().filter(RhythmReminder::overdue).count();
	}

}
