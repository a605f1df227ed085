package dev.holdfast.offboarding;

import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.HoldfastClock;

/**
 * Ends the employment of everyone whose last working day has ended (midnight in the
 * company's zone). Every instance wakes up; the job's lock lets one of them run
 * (docs/jobs.md). The case row lock in {@link Departures} makes each departure happen
 * exactly once all the same, also when a run outlasts its lock or HR departs someone by
 * hand at that moment.
 */
@Component
class LastWorkingDayJob {

	private static final Logger log = LoggerFactory.getLogger(LastWorkingDayJob.class);

	private final Cases cases;

	private final Departures departures;

	private final OffboardingProperties properties;

	private final HoldfastClock clock;

	private final Handovers handovers;

	LastWorkingDayJob(Cases cases, Departures departures, OffboardingProperties properties, HoldfastClock clock,
			Handovers handovers) {
		this.handovers = handovers;
		this.clock = clock;
		this.cases = cases;
		this.departures = departures;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "${holdfast.offboarding.departure-check:60s}",
			fixedDelayString = "${holdfast.offboarding.departure-check:60s}")
	@SchedulerLock(name = "last-working-day", lockAtMostFor = "${holdfast.offboarding.departure-check:60s}",
			lockAtLeastFor = "#{@jobLocks.atLeastFor('${holdfast.offboarding.departure-check:60s}')}")
	void run() {
		runFor(this.clock.today());
		resumeAbandoned();
	}

	/**
	 * Finishes the handovers that made no progress for
	 * {@code holdfast.offboarding.resume-after} (2 minutes) with customers left: their
	 * instance died mid-way (cluster test). Returns how many it took up.
	 */
	int resumeAbandoned() {
		int resumed = 0;
		for (Cases.AbandonedHandover abandoned : this.cases.abandonedHandovers(this.properties.resumeAfter())) {
			try {
				log.warn("Offboarding case {}: handover stopped half-way, resuming it", abandoned.caseId());
				this.handovers.resume(abandoned.caseId(), abandoned.startedBy());
				resumed++;
			}
			catch (RuntimeException ex) {
				log.error("Offboarding case {}: resuming the handover failed, will retry", abandoned.caseId(), ex);
			}
		}
		return resumed;
	}

	/** Departs every case due on the given day; returns how many it looked at. */
	int runFor(LocalDate today) {
		int seen = 0;
		for (Long caseId : this.cases.due(today)) {
			try {
				this.departures.depart(caseId, null, null);
				seen++;
			}
			catch (RuntimeException ex) {
				log.error("Offboarding case {}: departure failed, will retry", caseId, ex);
			}
		}
		return seen;
	}

}
