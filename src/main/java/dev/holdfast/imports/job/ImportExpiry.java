package dev.holdfast.imports.job;

import java.sql.Timestamp;
import java.time.Instant;
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
 * Deletes imports past their time with their rows: a preview nobody committed after
 * {@code keep-previews}, a committed or stopped one after {@code keep-imports}. A preview
 * keeps the file's people (encrypted) and every preview was kept for good: the
 * insider-attack helper grew the database by 58 MB, and every backup with it, with one
 * file never imported. The customers created and the audit trail stay. Every instance
 * wakes up; the job's lock lets one of them run (docs/jobs.md), and deleting what is past
 * its time twice deletes nothing more all the same.
 */
@Component
class ImportExpiry {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final CommitProperties properties;

	private final HoldfastClock clock;

	ImportExpiry(JdbcClient jdbc, AuditTrail audit, CommitProperties properties, HoldfastClock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT1H")
	@SchedulerLock(name = "import-expiry", lockAtMostFor = "PT1H", lockAtLeastFor = "PT54M")
	@Transactional
	public void run() {
		deleteExpired();
	}

	/** The job's work, without its lock: for the job and for tests. */
	@Transactional
	public void deleteExpired() {
		Instant now = this.clock.now();
		int deleted = this.jdbc.sql("""
				delete from import_file
				where (status = 'PREVIEWED' and created_at < :previews)
				   or (status in ('COMMITTED', 'FAILED') and coalesce(committed_at, created_at) < :imports)""")
			.param("previews", Timestamp.from(now.minus(this.properties.keepPreviews())))
			.param("imports", Timestamp.from(now.minus(this.properties.keepImports())))
			.update();
		if (deleted > 0) {
			this.audit.recordAs(null, null, AuditAction.IMPORTS_EXPIRED, "import", null, Map.of("imports", deleted));
		}
	}

}
