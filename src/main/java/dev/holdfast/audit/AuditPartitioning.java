package dev.holdfast.audit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.HoldfastClock;

/**
 * Keeps the month partitions of the audit trail: at start-up and every night, the current
 * month's and the next {@code holdfast.audit.months-ahead} (2) are created; every night
 * the months past {@code holdfast.audit.online-months} are archived and dropped
 * ({@link AuditArchive}).
 */
@Component
class AuditPartitioning {

	private static final Logger log = LoggerFactory.getLogger(AuditPartitioning.class);

	private final AuditPartitions partitions;

	private final AuditArchive archive;

	private final AuditArchiveProperties properties;

	private final HoldfastClock clock;

	AuditPartitioning(AuditPartitions partitions, AuditArchive archive, AuditArchiveProperties properties,
			HoldfastClock clock) {
		this.partitions = partitions;
		this.archive = archive;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Partitions ahead before the first request; a failure is logged, the job retries.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		try {
			this.partitions.ensureAhead(this.clock.now(), this.properties.monthsAhead());
		}
		catch (RuntimeException ex) {
			log.warn("audit: could not create the coming months' partitions at start-up: {}", ex.toString());
		}
	}

	@Scheduled(cron = "${holdfast.audit.archive-cron:0 30 4 * * *}", zone = "${holdfast.zone:Asia/Shanghai}")
	@SchedulerLock(name = "audit-partitions", lockAtMostFor = "PT6H", lockAtLeastFor = "PT5M")
	void maintain() {
		try {
			runAt(this.clock.now());
		}
		catch (RuntimeException ex) {
			log.error("audit: keeping the month partitions failed, will try again tomorrow", ex);
		}
	}

	/**
	 * The job's work as of {@code now}: partitions ahead, then the archive of old months.
	 */
	void runAt(java.time.Instant now) {
		this.partitions.ensureAhead(now, this.properties.monthsAhead());
		this.archive.archiveDue(now);
	}

}
