package dev.holdfast.pool;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes a job run once per company day across all instances: the run row is unique per
 * job and day, and the instance that inserts and locks it (others skip it, they don't
 * wait) runs, unless it is marked finished already. A run that fails rolls its row back,
 * so the day can run again.
 */
@Component
class PoolJobRuns {

	private final JdbcClient jdbc;

	PoolJobRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The run's id, locked until the transaction ends; empty if the day ran or runs. */
	Optional<Long> claim(String job, LocalDate day) {
		this.jdbc
			.sql("insert into pool_job_run (job, day) values (?, ?) on conflict on constraint "
					+ "uq_pool_job_run_day do nothing")
			.params(job, day)
			.update();
		return this.jdbc.sql("""
				select id from pool_job_run where job = ? and day = ? and finished_at is null
				for update skip locked""").params(job, day).query(Long.class).optional();
	}

	void finish(long run, int returned, int warned) {
		this.jdbc.sql("update pool_job_run set finished_at = now(), returned = ?, warned = ? where id = ?")
			.params(returned, warned, run)
			.update();
	}

}
