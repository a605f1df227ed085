package dev.holdfast.shared;

import java.time.Duration;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The one lock of the scheduled jobs: ShedLock's, a row per job in the {@code shedlock}
 * table, taken and compared by the database's time, so that instances whose clocks differ
 * agree on when a lock ends. Each job's {@code @SchedulerLock} says how long: at most (an
 * instance that died gives the job back after that) and at least (so that instances
 * waking at different moments of one period run it once in that period). docs/jobs.md
 * lists them.
 */
@Configuration(proxyBeanMethods = false)
public class JobLocks {

	/**
	 * The lock, taken and given back in transactions of its own, through the
	 * application's transaction manager: an administrator's backup takes it inside its
	 * transaction, which JPA's manager (not a second one on the same pool) knows to set
	 * aside.
	 */
	@Bean
	LockProvider lockProvider(DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactions) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTransactionManager(transactions.getIfAvailable())
			.withTableName("shedlock")
			.usingDbTime()
			.build());
	}

	/**
	 * Gives back every job's lock: for a restored database, whose locks were the
	 * instances' that ran when it was backed up (the backup job's own among them), not
	 * the data's. The rows stay: ShedLock updates a row it has seen, it does not insert
	 * it again.
	 */
	public static void releaseAll(JdbcClient jdbc) {
		jdbc.sql("update shedlock set lock_until = locked_at where lock_until > locked_at").update();
	}

	/**
	 * How long the lock of a job that wakes every {@code period} ({@code fixedDelay}) is
	 * held at least: nine tenths of the period, so that two instances waking at different
	 * moments of one period run the job once in it, while the instance that ran it is
	 * never refused at its own next wake-up (a whole period and the run's time later).
	 * For the annotation: {@code lockAtLeastFor =
	 * "#{@jobLocks.atLeastFor('${the.period:5m}')}"}.
	 * @param period {@code 5m}, {@code PT1H} …
	 * @return an ISO-8601 duration
	 */
	public String atLeastFor(String period) {
		Duration duration = DurationStyle.detectAndParse(period);
		return duration.minus(duration.dividedBy(10)).toString();
	}

}
