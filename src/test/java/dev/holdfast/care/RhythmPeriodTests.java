package dev.holdfast.care;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RhythmPeriodTests {

	@Test
	void quarterlyMonthlyAndYearlyRhythmsUseCalendarPeriods() {
		assertThat(RhythmPeriod.label(LocalDate.of(2026, 11, 27), Duration.ofDays(90))).isEqualTo("2026-Q4");
		assertThat(RhythmPeriod.label(LocalDate.of(2026, 1, 1), Duration.ofDays(90))).isEqualTo("2026-Q1");
		assertThat(RhythmPeriod.label(LocalDate.of(2026, 3, 31), Duration.ofDays(91))).isEqualTo("2026-Q1");
		assertThat(RhythmPeriod.label(LocalDate.of(2026, 2, 3), Duration.ofDays(30))).isEqualTo("2026-02");
		assertThat(RhythmPeriod.label(LocalDate.of(2026, 7, 3), Duration.ofDays(365))).isEqualTo("2026");
	}

	@Test
	void otherIntervalsCountWholeIntervalsFromTheEpoch() {
		String first = RhythmPeriod.label(LocalDate.of(2026, 11, 2), Duration.ofDays(45));
		assertThat(first).endsWith("+45d");
		assertThat(RhythmPeriod.label(LocalDate.parse(first.substring(0, 10)).plusDays(44), Duration.ofDays(45)))
			.isEqualTo(first);
		assertThat(RhythmPeriod.label(LocalDate.parse(first.substring(0, 10)).plusDays(45), Duration.ofDays(45)))
			.isNotEqualTo(first);
	}

}
