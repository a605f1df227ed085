package dev.holdfast.followup;

import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.HoldfastClock;

/**
 * Every instance wakes up every few minutes; the job's lock lets one of them look at a
 * time (docs/jobs.md), and {@link FollowUpDigests} sends the day's digests and the weekly
 * summaries once a day, after the configured hour.
 */
@Component
class FollowUpDigestJob {

	private static final Logger log = LoggerFactory.getLogger(FollowUpDigestJob.class);

	private final FollowUpDigests digests;

	private final HoldfastClock clock;

	FollowUpDigestJob(FollowUpDigests digests, HoldfastClock clock) {
		this.digests = digests;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${holdfast.followup.reminders.check:5m}",
			fixedDelayString = "${holdfast.followup.reminders.check:5m}")
	@SchedulerLock(name = "follow-up-digests", lockAtMostFor = "${holdfast.followup.reminders.check:5m}",
			lockAtLeastFor = "#{@jobLocks.atLeastFor('${holdfast.followup.reminders.check:5m}')}")
	void run() {
		runAt(this.clock.now());
	}

	/** Runs both jobs as of the instant; returns the notifications sent. */
	int runAt(Instant now) {
		int sent = 0;
		try {
			sent += this.digests.dailyAt(now);
		}
		catch (RuntimeException ex) {
			log.error("Daily follow-up digest failed, will try again", ex);
		}
		try {
			sent += this.digests.weeklyAt(now);
		}
		catch (RuntimeException ex) {
			log.error("Weekly team summary failed, will try again", ex);
		}
		return sent;
	}

}
