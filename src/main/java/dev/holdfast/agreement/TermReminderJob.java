package dev.holdfast.agreement;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Wakes every instance once per interval; {@link TermReminders} lets one of them run.
 */
@Component
class TermReminderJob {

	private static final Logger log = LoggerFactory.getLogger(TermReminderJob.class);

	private final TermReminders reminders;

	TermReminderJob(TermReminders reminders) {
		this.reminders = reminders;
	}

	@Scheduled(initialDelayString = "${holdfast.agreement.reminder-interval:24h}",
			fixedDelayString = "${holdfast.agreement.reminder-interval:24h}")
	void run() {
		try {
			this.reminders.runAt(Instant.now());
		}
		catch (RuntimeException ex) {
			log.error("Agreement term reminders failed, will run again", ex);
		}
	}

}
