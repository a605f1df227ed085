package dev.holdfast.risk;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.holdfast.offboarding.ResignationRecorded;
import dev.holdfast.shared.HoldfastClock;

/**
 * Keeps a leaver's look-back report as soon as the resignation is committed: the months
 * before anyone knew are what the case is judged by. Asynchronous, from the event
 * publication registry (retried if it fails); idempotent, as the scheduled evaluation
 * keeps the same report for any leaver still without one.
 */
@Component
class ResignationWatch {

	private final Lookbacks lookbacks;

	private final HoldfastClock clock;

	ResignationWatch(Lookbacks lookbacks, HoldfastClock clock) {
		this.lookbacks = lookbacks;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ResignationRecorded resigned) {
		this.lookbacks.keep(resigned.employeeId(), this.clock.now());
	}

}
