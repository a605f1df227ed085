package dev.holdfast.watch;

import java.time.Instant;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.holdfast.care.ComplaintOpened;
import dev.holdfast.offboarding.DepartedEmployees;
import dev.holdfast.offboarding.EmployeeDeparted;
import dev.holdfast.protection.CanaryHit;
import dev.holdfast.shared.HoldfastClock;

/**
 * The watch hears what it can at once: a departure starts the watch, a complaint on a
 * watched customer and a hit of the former employee's canary are signals. Each is
 * idempotent (a signal's kind and source are unique), and the job finds what a listener
 * missed, except canary hits, which only the event tells. Nothing is recorded for a watch
 * that ended.
 */
@Component
class WatchListeners {

	private final WatchEvaluation evaluation;

	private final DepartedEmployees departed;

	private final Watches watches;

	private final HoldfastClock clock;

	WatchListeners(WatchEvaluation evaluation, DepartedEmployees departed, Watches watches, HoldfastClock clock) {
		this.evaluation = evaluation;
		this.departed = departed;
		this.watches = watches;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(EmployeeDeparted departure) {
		if (!this.watches.exists(departure.employeeId())) {
			this.departed.of(departure.employeeId()).ifPresent(this.evaluation::start);
		}
	}

	@ApplicationModuleListener
	void on(ComplaintOpened complaint) {
		Instant now = this.clock.now();
		for (Watch watch : this.watches.activeWith(complaint.customerId())) {
			if (!now.isBefore(watch.startedAt()) && now.isBefore(this.evaluation.end(watch))) {
				this.watches.record(watch.employeeId(), complaint.customerId(), SignalKind.COMPLAINT,
						"complaint:" + complaint.complaintId(), now, complaint.severity(), now);
			}
		}
	}

	@ApplicationModuleListener
	void on(CanaryHit hit) {
		Instant now = this.clock.now();
		this.watches.find(hit.employeeId())
			.filter(Watch::active)
			.filter(watch -> now.isBefore(this.evaluation.end(watch)))
			.ifPresent(watch -> this.watches.record(watch.employeeId(), null, SignalKind.CANARY_HIT,
					"canary:" + hit.hit(), now, hit.channel(), now));
	}

}
