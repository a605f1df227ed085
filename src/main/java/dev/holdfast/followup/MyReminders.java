package dev.holdfast.followup;

import java.util.List;

/**
 * What an employee should follow up today: their customers due or overdue by rhythm, and
 * their open next-contact dates of today or before.
 */
public record MyReminders(List<RhythmReminder> rhythm, List<NextContactReminder> nextContacts) {

	public boolean isEmpty() {
		return this.rhythm.isEmpty() && this.nextContacts.isEmpty();
	}

	public long overdue() {
		return this.rhythm.stream().filter(RhythmReminder::overdue).count()
				+ this.nextContacts.stream().filter(NextContactReminder::overdue).count();
	}

}
