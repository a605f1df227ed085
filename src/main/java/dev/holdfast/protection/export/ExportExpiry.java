package dev.holdfast.protection.export;

import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.audit.AuditAction;

/**
 * Deletes the files of exports past their time, so that an old export cannot be fetched
 * even by its requester; the request, its canaries and fingerprints stay for tracing.
 * Every instance wakes up; the job's lock lets one of them run (docs/jobs.md), and the
 * update is idempotent all the same.
 */
@Component
class ExportExpiry {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ExportExpiry(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Scheduled(initialDelayString = "${holdfast.protection.export.expiry-check:10m}",
			fixedDelayString = "${holdfast.protection.export.expiry-check:10m}")
	@SchedulerLock(name = "export-expiry", lockAtMostFor = "${holdfast.protection.export.expiry-check:10m}",
			lockAtLeastFor = "#{@jobLocks.atLeastFor('${holdfast.protection.export.expiry-check:10m}')}")
	@Transactional
	public void run() {
		deleteExpiredFiles();
	}

	/** The job's work, without its lock: for the job and for tests. */
	@Transactional
	public void deleteExpiredFiles() {
		int deleted = this.jdbc
			.sql("update export_request set file = null where file is not null and expires_at < now()")
			.update();
		if (deleted > 0) {
			this.audit.recordAs(null, null, AuditAction.EXPORT_FILES_EXPIRED, "export", null, Map.of("files", deleted));
		}
		// an instance that stopped while preparing a file left it unfinished: nobody will
		// finish it
		this.jdbc.sql("""
				update export_request set status = 'FAILED'
				where status in ('QUEUED', 'PREPARING') and created_at < now() - interval '1 hour'""").update();
	}

}
