package dev.holdfast.risk;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.HoldfastClock;

/**
 * Evaluates everyone active in the last hour, every few minutes. Every instance wakes up;
 * the job's lock lets one of them run once per interval (docs/jobs.md).
 */
@Component
class RiskEvaluationJob {

	private static final Logger log = LoggerFactory.getLogger(RiskEvaluationJob.class);

	private final RiskManagement risk;

	private final HoldfastClock clock;

	RiskEvaluationJob(RiskManagement risk, HoldfastClock clock) {
		this.risk = risk;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${holdfast.risk.evaluation-interval:5m}",
			fixedDelayString = "${holdfast.risk.evaluation-interval:5m}")
	@SchedulerLock(name = "risk-evaluation", lockAtMostFor = "${holdfast.risk.evaluation-interval:5m}",
			lockAtLeastFor = "#{@jobLocks.atLeastFor('${holdfast.risk.evaluation-interval:5m}')}")
	void run() {
		try {
			this.risk.runScheduled(this.clock.now());
		}
		catch (RuntimeException ex) {
			log.error("Risk evaluation failed, will run again", ex);
		}
	}

}
