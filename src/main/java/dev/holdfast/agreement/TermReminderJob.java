package dev.holdfast.agreement;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.HoldfastClock;

/**
 * Wakes every instance once per interval; the job's lock lets one of them raise the day's
 * {@link TermReminders} once per interval (docs/jobs.md).
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
	@SchedulerLock(name = "agreement-reminders", lockAtMostFor = "${holdfast.agreement.reminder-interval:24h}",
			lockAtLeastFor = "#{@jobLocks.atLeastFor('${holdfast.agreement.reminder-interval:24h}')}")
	void run() {
		try {
			this.reminders.raise(this.clock.now());
		}
		catch (RuntimeException ex) {
			log.error("Agreement term reminders failed, will run again", ex);
		}
	}

}
