package dev.holdfast.risk;

import java.time.Instant;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.holdfast.offboarding.ResignationRecorded;

/**
 * Keeps a leaver's look-back report as soon as the resignation is committed: the months
 * before anyone knew are what the case is judged by. Asynchronous, from the event
 * publication registry (retried if it fails); idempotent, as the scheduled evaluation
 * keeps the same report for any leaver still without one.
 */
@Component
class ResignationWatch {

	private final Lookbacks lookbacks;

	ResignationWatch(Lookbacks lookbacks) {
		this.lookbacks = lookbacks;
	}

	@ApplicationModuleListener
	void on(ResignationRecorded resigned) {
		this.lookbacks.keep(resigned.employeeId(), Instant.now());
	}

}
