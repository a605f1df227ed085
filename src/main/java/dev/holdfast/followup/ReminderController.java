package dev.holdfast.followup;

import java.time.Instant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.holdfast.shared.AnyEmployee;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.Permission;

/**
 * The reminders page, made for a phone: today's and overdue follow-ups with a one-tap
 * link to record one, and for managers their team's overdue customers.
 */
@Controller
class ReminderController {

	private final Reminders reminders;

	private final HoldfastClock clock;

	ReminderController(Reminders reminders, HoldfastClock clock) {
		this.reminders = reminders;
		this.clock = clock;
	}

	@GetMapping("/reminders")
	@AnyEmployee
	String page(Model model) {
		Instant now = this.clock.now();
		model.addAttribute("reminders", this.reminders.mine(now));
		// a rep has no team list
		this.reminders.teamIfAny(now).ifPresent(team -> model.addAttribute("team", team));
		model.addAttribute("canEditTemplates", Permission.FOLLOWUP_TEMPLATE.isHeld());
		model.addAttribute("navSection", "reminders");
		return "followups/reminders";
	}

}
