package dev.holdfast.protection.encryption;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes a key rotation without anyone asking: when values under older keys remain, it
 * re-encrypts them. Every instance wakes up; the job's lock lets one of them run
 * (docs/jobs.md). Should two run at once all the same (a run that outlasts its lock, or
 * an administrator's re-encryption), chunks skip rows another transaction holds and a
 * value already under the primary key is left alone, so running twice does nothing twice.
 * Values that fail their integrity check stay under their old key for good; the job does
 * not try again until more values are under older keys than it left behind.
 */
@Component
class ReencryptionJob {

	private static final Logger log = LoggerFactory.getLogger(ReencryptionJob.class);

	private final KeyRotation rotation;

	/** What older keys still protected when the last run ended. */
	private volatile long leftBehind;

	ReencryptionJob(KeyRotation rotation) {
		this.rotation = rotation;
	}

	@Scheduled(initialDelayString = "${holdfast.protection.reencrypt-check:1h}",
			fixedDelayString = "${holdfast.protection.reencrypt-check:1h}")
	@SchedulerLock(name = "reencryption", lockAtMostFor = "${holdfast.protection.reencrypt-check:1h}",
			lockAtLeastFor = "#{@jobLocks.atLeastFor('${holdfast.protection.reencrypt-check:1h}')}")
	void scheduled() {
		run();
	}

	/** Re-encrypts unless no more values are under older keys than the last run left. */
	void run() {
		if (this.rotation.valuesUnderOlderKeys() <= this.leftBehind) {
			return;
		}
		ReencryptionResult result = this.rotation.reencryptAll();
		this.leftBehind = this.rotation.valuesUnderOlderKeys();
		log.info("Re-encrypted {} values under the primary key {}; {} left under older keys", result.rows(),
				result.primaryKeyId(), this.leftBehind);
	}

}
