package dev.holdfast.backup;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled backup ({@code holdfast.backup.cron}, daily by default); with several
 * instances the one that takes the job's lock writes it (docs/jobs.md). An
 * administrator's "back up now" takes the same lock ({@link Backups#create()}).
 */
@Component
class BackupJob {

	/**
	 * The lock of every backup into the folder, the schedule's and an administrator's.
	 */
	static final String LOCK = "backup";

	/** Longer than the largest backup takes. */
	static final String AT_MOST = "PT6H";

	private static final Logger log = LoggerFactory.getLogger(BackupJob.class);

	private final Backups backups;

	BackupJob(Backups backups) {
		this.backups = backups;
	}

	@Scheduled(cron = "${holdfast.backup.cron:0 0 3 * * *}", zone = "${holdfast.zone:Asia/Shanghai}")
	@SchedulerLock(name = LOCK, lockAtMostFor = AT_MOST, lockAtLeastFor = "PT5M")
	void run() {
		try {
			this.backups.runScheduled();
		}
		catch (RuntimeException ex) {
			log.error("Scheduled backup failed", ex);
		}
	}

}
