package dev.holdfast.shared;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again what an asynchronous listener failed to do. Every event handed to an
 * {@code @ApplicationModuleListener} is stored in the event publication registry with the
 * business change; a listener that throws leaves it FAILED, and one that never finished
 * (an instance died) is marked FAILED by Modulith's staleness monitor
 * ({@code spring.modulith.events.staleness.*}). This job resubmits failed publications a
 * minute old or older, a batch at a time, on the instance that takes the job's lock
 * (docs/jobs.md): listeners are idempotent all the same, so a publication delivered twice
 * changes nothing twice. Outstanding events are not republished at start-up
 * ({@code republish-outstanding-events-on-restart} stays false): with several instances a
 * restart would deliver again what another instance is still working on.
 */
@Component
class EventRetry {

	private static final Logger log = LoggerFactory.getLogger(EventRetry.class);

	private final FailedEventPublications failed;

	EventRetry(FailedEventPublications failed) {
		this.failed = failed;
	}

	@Scheduled(initialDelayString = "${holdfast.events.retry-every:5m}",
			fixedDelayString = "${holdfast.events.retry-every:5m}")
	@SchedulerLock(name = "event-retry", lockAtMostFor = "${holdfast.events.retry-every:5m}",
			lockAtLeastFor = "#{@jobLocks.atLeastFor('${holdfast.events.retry-every:5m}')}")
	void resubmit() {
		try {
			this.failed.resubmit(ResubmissionOptions.defaults().withMinAge(Duration.ofMinutes(1)).withBatchSize(100));
		}
		catch (RuntimeException ex) {
			log.warn("Resubmitting failed event publications failed; the next run tries again", ex);
		}
	}

}
