package dev.holdfast.agreement;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.HoldfastClock;

/**
 * Wakes every instance once per interval; {@link TermReminders} lets one of them run.
 */
@Component
class TermReminderJob {

	private static final Logger log = LoggerFactory.getLogger(TermReminderJob.class);

	private final TermReminders reminders;

	private final HoldfastClock clock;

	TermReminderJob(TermReminders reminders, HoldfastClock clock) {
		this.reminders = reminders;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${holdfast.agreement.reminder-interval:24h}",
			fixedDelayString = "${holdfast.agreement.reminder-interval:24h}")
	void run() {
		try {
			this.reminders.runAt(this.clock.now());
		}
		catch (RuntimeException ex) {
			log.error("Agreement term reminders failed, will run again", ex);
		}
	}

}
