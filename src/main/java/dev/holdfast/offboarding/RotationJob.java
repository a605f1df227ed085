package dev.holdfast.offboarding;

import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.HoldfastClock;

/**
 * Carries out every rotation plan whose day has come, and finishes one an instance left
 * half-way. Every instance wakes up; the job's lock lets one run it (docs/jobs.md); the
 * plan's row lock, its status and the items' {@code skip locked} rows make each customer
 * move once all the same.
 */
@Component
class RotationJob {

	private static final Logger log = LoggerFactory.getLogger(RotationJob.class);

	private final RotationStore store;

	private final RotationExecution execution;

	private final HoldfastClock clock;

	RotationJob(RotationStore store, RotationExecution execution, HoldfastClock clock) {
		this.store = store;
		this.execution = execution;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${holdfast.rotation.check:60s}",
			fixedDelayString = "${holdfast.rotation.check:60s}")
	@SchedulerLock(name = "rotation", lockAtMostFor = "${holdfast.rotation.check:60s}",
			lockAtLeastFor = "#{@jobLocks.atLeastFor('${holdfast.rotation.check:60s}')}")
	void run() {
		runFor(this.clock.today());
	}

	/** Carries out the plans due on the given day; returns how many it finished. */
	int runFor(LocalDate today) {
		int finished = 0;
		for (Long planId : this.store.due(today)) {
			try {
				if (this.execution.run(planId)) {
					finished++;
				}
			}
			catch (RuntimeException ex) {
				log.error("Rotation {}: failed, will retry", planId, ex);
			}
		}
		return finished;
	}

}
