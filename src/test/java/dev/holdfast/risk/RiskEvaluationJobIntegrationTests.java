package dev.holdfast.risk;

import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.shared.TwoInstances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/**
 * Two instances wake up for the scheduled evaluation at the same moment: one evaluates,
 * and neither again within the interval (the job's lock, {@code risk-evaluation}).
 */
@HoldfastIntegrationTest
class RiskEvaluationJobIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Test
	void theScheduledEvaluationRunsOnceAcrossInstances() {
		TwoInstances instances = new TwoInstances(this.dataSource);
		RiskManagement risk = mock(RiskManagement.class);
		doAnswer(instances.body()).when(risk).runScheduled(any(Instant.class));
		instances.application(RiskEvaluationJob.class, "risk-evaluation")
			.withBean(RiskManagement.class, () -> risk)
			.run((app) -> {
				RiskEvaluationJob job = app.getBean(RiskEvaluationJob.class);
				assertThat(instances.wakeTogether(job::run)).as("two instances at once").isEqualTo(1);
				job.run();
				assertThat(instances.runs()).as("again within the interval (default 5 minutes)").isEqualTo(1);
			});
	}

}
