package dev.holdfast.notification;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a scheduled notification job send once per day: its (job, day) row, written in
 * the run's transaction, makes a second run for the same day do nothing, after a restart
 * or on another instance (a run that fails rolls the row back, so the day can run again).
 * That two instances do not run the job at the same moment is the job's lock
 * (docs/jobs.md); should they, the second waits for the first's row and does nothing.
 */
@Service
public class ScheduledJobs {

	private final JdbcClient jdbc;

	ScheduledJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the job's run for the day inside the caller's transaction; false if it ran
	 * that day.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean claim(String job, LocalDate day, Instant now) {
		return this.jdbc.sql("""
				insert into notification_job_day (job, day, ran_at) values (?, ?, ?) on conflict do nothing""")
			.params(job, Date.valueOf(day), java.sql.Timestamp.from(now))
			.update() > 0;
	}

	/** Records how many notifications the day's run sent. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sent(String job, LocalDate day, int count) {
		this.jdbc.sql("update notification_job_day set sent = ? where job = ? and day = ?")
			.params(count, job, Date.valueOf(day))
			.update();
	}

}
