package dev.holdfast.care;

import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.HoldfastClock;

/**
 * Schedules the rhythm's care visits once a day. Every instance wakes up; the job's lock
 * lets one of them run (docs/jobs.md), and the visits' period keys make a later run in
 * the same period add nothing, so each visit is scheduled exactly once.
 */
@Component
class CareRhythmJob {

	private static final Logger log = LoggerFactory.getLogger(CareRhythmJob.class);

	private final CareRhythm rhythm;

	private final HoldfastClock clock;

	CareRhythmJob(CareRhythm rhythm, HoldfastClock clock) {
		this.rhythm = rhythm;
		this.clock = clock;
	}

	@Scheduled(cron = "${holdfast.care.rhythm-cron:0 30 2 * * *}", zone = "${holdfast.zone:Asia/Shanghai}")
	@SchedulerLock(name = "care-rhythm", lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
	void run() {
		try {
			int created = runAt(this.clock.now());
			log.info("Care rhythm: {} visits scheduled", created);
		}
		catch (RuntimeException ex) {
			log.error("Care rhythm failed, will run again tomorrow", ex);
		}
	}

	/** Runs the rhythm as of the instant; returns how many visits it scheduled. */
	int runAt(Instant now) {
		return this.rhythm.run(now);
	}

}
