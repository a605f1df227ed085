package dev.holdfast.followup;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.HoldfastClock;

/**
 * Follow-up rhythm and reminders: when a customer is due, what the caller should follow
 * up today, and a manager's overdue list of their team.
 */
@RestController
@RequestMapping("/api/v1")
class ReminderApi {

	private final Reminders reminders;

	private final HoldfastClock clock;

	ReminderApi(Reminders reminders, HoldfastClock clock) {
		this.reminders = reminders;
		this.clock = clock;
	}

	@GetMapping("/customers/{id}/rhythm")
	@AnyEmployee
	CustomerRhythm rhythm(@PathVariable long id) {
		return this.reminders.rhythmOf(id, this.clock.now());
	}

	@GetMapping("/reminders")
	@AnyEmployee
	MyReminders mine() {
		return this.reminders.mine(this.clock.now());
	}

	@GetMapping("/reminders/team")
	@AnyEmployee
	List<TeamOverdue> team() {
		return this.reminders.team(this.clock.now());
	}

}
