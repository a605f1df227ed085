package dev.holdfast.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hourly figures of issue 10 under the shipped configuration: if the budgets in
 * {@code application.yml} change, this test names the new figures to put in the docs.
 * {@link ReadingBudgetBenchmark} checks them against the running application.
 */
class ReadingBudgetTests {

	@Test
	void whatARepAndALeavingRepCanPullPerHour() {
		ReadingBudget budget = ReadingBudget.ofApplicationYml();
		System.out.print(budget.report());

		assertThat(budget.recordsFirstHour(false)).isEqualTo(120 + 3600);
		assertThat(budget.recordsEveryHour(false)).isEqualTo(3600);
		assertThat(budget.rowsFirstHour(false)).isEqualTo(1000 + 7200);
		assertThat(budget.rowsEveryHour(false)).isEqualTo(7200);
		assertThat(budget.fullValues(false)).isEqualTo(30);

		assertThat(budget.recordsFirstHour(true)).isEqualTo(60 + 1800);
		assertThat(budget.recordsEveryHour(true)).isEqualTo(1800);
		assertThat(budget.rowsFirstHour(true)).isEqualTo(500 + 3600);
		assertThat(budget.rowsEveryHour(true)).isEqualTo(3600);
		assertThat(budget.fullValues(true)).as("reveals are taken away for the notice period").isZero();
	}

}
