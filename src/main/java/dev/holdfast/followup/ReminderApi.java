package dev.holdfast.followup;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.holdfast.shared.AnyEmployee;

/**
 * Follow-up rhythm and reminders: when a customer is due, what the caller should follow
 * up today, and a manager's overdue list of their team.
 */
@RestController
@RequestMapping("/api/v1")
class ReminderApi {

	private final Reminders reminders;

	ReminderApi(Reminders reminders) {
		this.reminders = reminders;
	}

	@GetMapping("/customers/{id}/rhythm")
	@AnyEmployee
	CustomerRhythm rhythm(@PathVariable long id) {
		return this.reminders.rhythmOf(id, Instant.now());
	}

	@GetMapping("/reminders")
	@AnyEmployee
	MyReminders mine() {
		return this.reminders.mine(Instant.now());
	}

	@GetMapping("/reminders/team")
	@AnyEmployee
	List<TeamOverdue> team() {
		return this.reminders.team(Instant.now());
	}

}
