package dev.holdfast.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.HoldfastIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances wake up for the scheduled evaluation at the same moment: one runs it.
 */
@HoldfastIntegrationTest
class RiskEvaluationRunIntegrationTests {

	@Autowired
	RiskManagement risk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RiskProperties properties;

	@Test
	void theScheduledEvaluationRunsOnceAcrossInstances() throws Exception {
		Instant due = RiskDrills.afterLastRun(this.jdbc);
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> runs = List.of(instances.submit(() -> {
				together.await();
				return this.risk.runScheduled(due);
			}), instances.submit(() -> {
				together.await();
				return this.risk.runScheduled(due);
			}));
			assertThat(List.of(runs.get(0).get(), runs.get(1).get())).containsExactlyInAnyOrder(true, false);
		}
		finally {
			instances.shutdown();
		}
		assertThat(this.risk.runScheduled(due.plus(Duration.ofMinutes(1)))).as("ran a minute ago").isFalse();
		assertThat(this.risk.runScheduled(due.plus(this.properties.evaluationInterval()))).as("the next interval")
			.isTrue();
	}

}
