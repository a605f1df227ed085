package dev.holdfast.notification;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a scheduled notification job run once per day across all instances: the instance
 * that locks the job's row runs (the others skip it, they don't wait), and a (job, day)
 * row makes a second run for the same day do nothing.
 */
@Service
public class ScheduledJobs {

	private final JdbcClient jdbc;

	ScheduledJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the job's run for the day inside the caller's transaction, which holds the
	 * lock until it ends; false if another instance is running it or it ran that day.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean claim(String job, LocalDate day, Instant now) {
		boolean locked = this.jdbc.sql("select name from notification_job where name = ? for update skip locked")
			.param(job)
			.query(String.class)
			.optional()
			.isPresent();
		if (!locked) {
			return false;
		}
		int fresh = this.jdbc.sql("""
				insert into notification_job_day (job, day, ran_at) values (?, ?, ?) on conflict do nothing""")
			.params(job, Date.valueOf(day), java.sql.Timestamp.from(now))
			.update();
		if (fresh == 0) {
			return false;
		}
		this.jdbc.sql("update notification_job set last_run_at = ? where name = ?")
			.params(java.sql.Timestamp.from(now), job)
			.update();
		return true;
	}

	/** Records how many notifications the day's run sent. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sent(String job, LocalDate day, int count) {
		this.jdbc.sql("update notification_job_day set sent = ? where job = ? and day = ?")
			.params(count, job, Date.valueOf(day))
			.update();
	}

}
