package dev.holdfast.evidence;

import java.sql.Timestamp;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.HoldfastClock;

/**
 * Drops the files of evidence packages past their time, as exports' files are dropped:
 * the row, its hash and the audit trail stay. Every instance wakes up; the job's lock
 * lets one run it (docs/jobs.md), and the update is idempotent all the same.
 */
@Component
class EvidenceExpiry {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final HoldfastClock clock;

	EvidenceExpiry(JdbcClient jdbc, AuditTrail audit, HoldfastClock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT10M")
	@SchedulerLock(name = "evidence-expiry", lockAtMostFor = "PT10M", lockAtLeastFor = "PT9M")
	@Transactional
	public void run() {
		dropExpiredFiles();
	}

	/** The job's work, without its lock: for the job and for tests. */
	@Transactional
	public int dropExpiredFiles() {
		int dropped = this.jdbc.sql("update evidence_package set file = null where file is not null and expires_at < ?")
			.param(Timestamp.from(this.clock.now()))
			.update();
		if (dropped > 0) {
			this.audit.recordAs(null, null, AuditAction.EVIDENCE_FILES_EXPIRED, "evidence_package", null,
					Map.of("packages", dropped));
		}
		return dropped;
	}

}
