package dev.holdfast.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled backup ({@code holdfast.backup.cron}, daily by default); with several
 * instances the first to take the lock writes it.
 */
@Component
class BackupJob {

	private static final Logger log = LoggerFactory.getLogger(BackupJob.class);

	private final Backups backups;

	BackupJob(Backups backups) {
		this.backups = backups;
	}

	@Scheduled(cron = "${holdfast.backup.cron:0 0 3 * * *}", zone = "${holdfast.zone:Asia/Shanghai}")
	void run() {
		try {
			if (!this.backups.runScheduled()) {
				log.info("Scheduled backup skipped: another instance is writing one");
			}
		}
		catch (RuntimeException ex) {
			log.error("Scheduled backup failed", ex);
		}
	}

}
