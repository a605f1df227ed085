package dev.holdfast.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job that wakes every period holds its lock for nine tenths of it, written as Spring
 * Boot's durations are.
 */
class JobLocksTests {

	private final JobLocks locks = new JobLocks();

	@Test
	void nineTenthsOfThePeriodInEitherSpelling() {
		assertThat(this.locks.atLeastFor("5m")).isEqualTo("PT4M30S");
		assertThat(this.locks.atLeastFor("24h")).isEqualTo("PT21H36M");
		assertThat(this.locks.atLeastFor("PT1H")).isEqualTo("PT54M");
		assertThat(this.locks.atLeastFor("60s")).isEqualTo("PT54S");
	}

}
