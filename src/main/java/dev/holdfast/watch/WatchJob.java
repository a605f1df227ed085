package dev.holdfast.watch;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.HoldfastClock;

/**
 * Wakes every instance once per {@code holdfast.watch.check}; the job's lock lets one of
 * them run {@link WatchEvaluation#runAt} (docs/jobs.md).
 */
@Component
class WatchJob {

	private static final Logger log = LoggerFactory.getLogger(WatchJob.class);

	private final WatchEvaluation evaluation;

	private final HoldfastClock clock;

	WatchJob(WatchEvaluation evaluation, HoldfastClock clock) {
		this.evaluation = evaluation;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${holdfast.watch.check:1h}", fixedDelayString = "${holdfast.watch.check:1h}")
	@SchedulerLock(name = "departure-watch", lockAtMostFor = "${holdfast.watch.check:1h}",
			lockAtLeastFor = "#{@jobLocks.atLeastFor('${holdfast.watch.check:1h}')}")
	void run() {
		try {
			this.evaluation.runAt(this.clock.now());
		}
		catch (RuntimeException ex) {
			log.error("The post-departure watch failed, will run again", ex);
		}
	}

}
