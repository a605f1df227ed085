package dev.holdfast.audit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Seals the audit events committed since the last run, every
 * {@code holdfast.audit.seal-interval} (2 s). One instance at a time runs it, under the
 * job lock like every job; the sealer's row lock is what lets each event be chained once
 * ({@link AuditSealer}), also when a sealing outlives its job lock.
 */
@Component
class AuditSealing {

	private static final Logger log = LoggerFactory.getLogger(AuditSealing.class);

	private final AuditSealer sealer;

	AuditSealing(AuditSealer sealer) {
		this.sealer = sealer;
	}

	@Scheduled(initialDelayString = "${holdfast.audit.seal-interval:2s}",
			fixedDelayString = "${holdfast.audit.seal-interval:2s}")
	@SchedulerLock(name = "audit-sealing", lockAtMostFor = "PT1M",
			lockAtLeastFor = "#{@jobLocks.atLeastFor('${holdfast.audit.seal-interval:2s}')}")
	void sealAuditEvents() {
		try {
			this.sealer.sealPending();
		}
		catch (RuntimeException ex) {
			log.warn("Sealing audit events failed, will try again: {}", ex.toString());
		}
	}

}
