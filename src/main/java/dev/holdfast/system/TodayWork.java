package dev.holdfast.system;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import dev.holdfast.care.CareVisitView;
import dev.holdfast.care.CareVisits;
import dev.holdfast.followup.MyReminders;
import dev.holdfast.followup.Reminders;
import dev.holdfast.offboarding.CaseDetails;
import dev.holdfast.offboarding.CaseStatus;
import dev.holdfast.offboarding.HandoverTaskView;
import dev.holdfast.offboarding.HandoverTasks;
import dev.holdfast.offboarding.Offboarding;
import dev.holdfast.shared.Permission;

/**
 * The caller's own work for their start page, each part only for those whose permissions
 * give them that kind of work (null otherwise, so the page leaves the section out):
 * customers overdue or due today and promised contacts (the reminders, by the one meaning
 * of overdue), customers handed over to them, their notes still to write as a leaver,
 * care visits given to them, and the departures they run.
 */
@Component
class TodayWork {

	static final int LISTED = 5;

	private final Reminders reminders;

	private final HandoverTasks handoverTasks;

	private final Offboarding offboarding;

	private final CareVisits careVisits;

	TodayWork(Reminders reminders, HandoverTasks handoverTasks, Offboarding offboarding, CareVisits careVisits) {
		this.reminders = reminders;
		this.handoverTasks = handoverTasks;
		this.offboarding = offboarding;
		this.careVisits = careVisits;
	}

	/**
	 * @param reminders overdue and due customers and promised contacts, or null
	 * @param handoverTasks open tasks as a receiver (at most {@link #LISTED}), or null
	 * @param openHandoverTasks how many are open
	 * @param leaving the caller's own open offboarding case, or null
	 * @param careVisits open care visits given to the caller, or null
	 * @param departures open offboarding cases the caller runs (HR, managers), or null
	 * @param teamOverdue how many of the team's customers are overdue (managers), or null
	 */
	record Work(MyReminders reminders, List<HandoverTaskView> handoverTasks, long openHandoverTasks,
			CaseDetails leaving, List<CareVisitView> careVisits, List<CaseDetails> departures, Long teamOverdue) {
	}

	Work of(Instant now) {
		boolean followsUp = Permission.FOLLOWUP_CREATE.isHeld();
		MyReminders due = followsUp ? this.reminders.mine(now) : null;
		List<HandoverTaskView> tasks = null;
		long open = 0;
		// customers are handed over only to those who may own them, never to customer
		// service
		if (followsUp && Permission.CUSTOMER_CREATE.isHeld()) {
			open = this.handoverTasks.openCount();
			tasks = this.handoverTasks.mine(LISTED).stream().filter(t -> t.doneAt() == null).toList();
		}
		Optional<CaseDetails> leaving = this.offboarding.mine();
		List<CareVisitView> visits = Permission.CARE_VISIT.isHeld() ? this.careVisits.mine() : null;
		List<CaseDetails> departures = Permission.OFFBOARDING_EXECUTE.isHeld() ? this.offboarding.list()
			.stream()
			.filter(c -> c.status() != CaseStatus.DEPARTED)
			// the nearest last working day first: that handover is the most urgent
			.sorted(Comparator.comparing(CaseDetails::lastWorkingDay))
			.limit(LISTED)
			.toList() : null;
		OptionalLong team = followsUp ? this.reminders.teamOverdueCount(now) : OptionalLong.empty();
		return new Work(due, tasks, open, leaving.orElse(null), visits, departures,
				team.isPresent() ? team.getAsLong() : null);
	}

}
