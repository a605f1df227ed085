package dev.holdfast.pool;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The nightly job's runs, one per company day: the row is the night's record (what it
 * returned and warned, the audit trail's target) and, being unique per job and day, makes
 * a second run of the same day do nothing, after a restart or on another instance. A run
 * that fails rolls its row back, so the day can run again. That two instances do not run
 * at the same moment is the job's lock (docs/jobs.md); should they, the second waits for
 * the first's row and does nothing.
 */
@Component
class PoolJobRuns {

	private final JdbcClient jdbc;

	PoolJobRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The new run's id; empty if the day ran. */
	Optional<Long> claim(String job, LocalDate day) {
		return this.jdbc.sql("""
				insert into pool_job_run (job, day) values (?, ?)
				on conflict on constraint uq_pool_job_run_day do nothing returning id""")
			.params(job, day)
			.query(Long.class)
			.optional();
	}

	void finish(long run, int returned, int warned) {
		this.jdbc.sql("update pool_job_run set finished_at = now(), returned = ?, warned = ? where id = ?")
			.params(returned, warned, run)
			.update();
	}

}
