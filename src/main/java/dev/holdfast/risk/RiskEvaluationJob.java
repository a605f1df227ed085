package dev.holdfast.risk;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.HoldfastClock;

/**
 * Evaluates everyone active in the last hour, every few minutes. Every instance wakes up;
 * {@link EvaluationRuns} lets one of them run.
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
	void run() {
		try {
			this.risk.runScheduled(this.clock.now());
		}
		catch (RuntimeException ex) {
			log.error("Risk evaluation failed, will run again", ex);
		}
	}

}
