package dev.holdfast.pool;

import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.HoldfastClock;

/**
 * Runs the pool rules every night in the company's zone. Every instance wakes up; the
 * job's lock lets one of them run (docs/jobs.md), and the night's run row makes a second
 * run of the same company day do nothing. A separate bean, so that the call goes through
 * the job's transaction.
 */
@Component
class PoolSchedule {

	private static final Logger log = LoggerFactory.getLogger(PoolSchedule.class);

	private final PoolJob job;

	private final HoldfastClock clock;

	PoolSchedule(PoolJob job, HoldfastClock clock) {
		this.job = job;
		this.clock = clock;
	}

	@Scheduled(cron = "${holdfast.pool.cron:0 30 2 * * *}", zone = "${holdfast.zone:Asia/Shanghai}")
	@SchedulerLock(name = "pool-rules", lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
	void nightly() {
		PoolRun run = this.job.runAt(this.clock.now());
		log.info("Pool rules for {}: ran={}, returned={}, warned={}", run.day(), run.ran(), run.returned(),
				run.warned());
	}

}
