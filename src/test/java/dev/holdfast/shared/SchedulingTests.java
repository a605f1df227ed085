package dev.holdfast.shared;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled jobs run in the application, and not in the one a backup or restore
 * command starts ({@code holdfast.scheduling.enabled=false}).
 */
class SchedulingTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Scheduling.class);

	@Test
	void scheduledJobsRunUnlessACommandSwitchesThemOff() {
		this.context.run(app -> assertThat(app).hasSingleBean(ScheduledAnnotationBeanPostProcessor.class));
		this.context.withPropertyValues("holdfast.scheduling.enabled=false")
			.run(app -> assertThat(app).doesNotHaveBean(ScheduledAnnotationBeanPostProcessor.class));
	}

}
