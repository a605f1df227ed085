package dev.holdfast.agreement;

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
 * Two instances wake up for the daily term reminders at the same moment: one raises them,
 * and neither again an hour later (the job's lock, {@code agreement-reminders}, held for
 * most of the day).
 */
@HoldfastIntegrationTest
class TermReminderJobIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Test
	void theDailyJobRunsOnceAcrossInstances() {
		TwoInstances instances = new TwoInstances(this.dataSource);
		TermReminders reminders = mock(TermReminders.class);
		doAnswer(instances.body()).when(reminders).raise(any(Instant.class));
		instances.application(TermReminderJob.class, "agreement-reminders")
			.withBean(TermReminders.class, () -> reminders)
			.run((app) -> {
				TermReminderJob job = app.getBean(TermReminderJob.class);
				assertThat(instances.wakeTogether(job::run)).as("two instances at once").isEqualTo(1);
				job.run();
				assertThat(instances.runs()).as("again within the day").isEqualTo(1);
			});
	}

}
