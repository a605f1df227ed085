package dev.holdfast.shared;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.mockito.Mockito;
import org.mockito.stubbing.Answer;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Two instances of Holdfast waking for a scheduled job at the same moment: two threads
 * calling the job's scheduled method in a small application that has the job, the jobs'
 * lock as the application configures it ({@link Scheduling}, {@link JobLocks}) on the
 * test database, and a mock for the work the job hands on. The mock's answer
 * ({@link #body()}) counts the runs and holds the lock until the other instance has
 * returned, so that the two calls overlap; without the lock both would run (and wait ten
 * seconds for each other).
 */
public final class TwoInstances {

	private final DataSource dataSource;

	private final AtomicInteger runs = new AtomicInteger();

	private final CountDownLatch oneReturned = new CountDownLatch(1);

	public TwoInstances(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * The small application with the job and the company's clock; the job's lock starts
	 * free.
	 */
	public ApplicationContextRunner application(Class<?> job, String lock) {
		new JdbcTemplate(this.dataSource).update("update shedlock set lock_until = locked_at where name = ?", lock);
		// not the shared pool itself: closing the small application would close it
		return new ApplicationContextRunner().withUserConfiguration(Scheduling.class, JobLocks.class, job)
			.withBean(DataSource.class, () -> new DelegatingDataSource(this.dataSource))
			.withBean(HoldfastClock.class, () -> HoldfastClock.of(ZoneId.of("Asia/Shanghai")));
	}

	/** The job's work, as the mock's answer. */
	public Answer<Object> body() {
		return (invocation) -> {
			this.runs.incrementAndGet();
			this.oneReturned.await(10, TimeUnit.SECONDS);
			return Mockito.RETURNS_DEFAULTS.answer(invocation);
		};
	}

	/**
	 * Both instances call the scheduled method at once; how many runs of the work so far.
	 */
	public int wakeTogether(Runnable scheduledMethod) throws Exception {
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			List<Future<Object>> woken = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				woken.add(instances.submit(() -> {
					together.await();
					try {
						scheduledMethod.run();
					}
					finally {
						this.oneReturned.countDown();
					}
					return null;
				}));
			}
			for (Future<Object> instance : woken) {
				instance.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			instances.shutdownNow();
		}
		return this.runs.get();
	}

	/** How many runs of the work so far. */
	public int runs() {
		return this.runs.get();
	}

}
