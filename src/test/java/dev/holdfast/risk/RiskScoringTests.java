package dev.holdfast.risk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.holdfast.risk.RiskScoring.IndicatorScore;
import dev.holdfast.risk.RiskScoring.Severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RiskScoringTests {

	private static final int DETAIL = Indicator.DETAIL_VIEWS.ordinal();

	private static final double HOURS_IN_BASELINE = 30 * 24;

	private final RiskScoring scoring = new RiskScoring(new RiskProperties(Duration.ofMinutes(5), 3, 6, 0.25, Map.of(),
			true, Set.of("contact.reveal"), 8, 20, new RiskProperties.RateLimits(true, 120, 1, 60, 0.5, 0.5)));

	@Test
	void withoutHistoryTheFloorIsWhatIsExpected() {
		IndicatorScore score = detail(scoring.score(detailViews(240), nothing(), null, false));
		assertThat(score.expected()).isEqualTo(60);
		assertThat(score.score()).isEqualTo(4);
		assertThat(scoring.severity(score.score())).isEqualTo(Severity.WARNING);
	}

	@Test
	void aHeavyReaderIsMeasuredAgainstTheirOwnHabitWhenPeersReadAsMuch() {
		// 200 views an hour, every hour of the last 30 days, like their peers
		double[] habit = detailViews(200 * HOURS_IN_BASELINE);
		IndicatorScore score = detail(scoring.score(detailViews(240), habit, habit, false));
		assertThat(score.expected()).isCloseTo(200, within(0.01));
		assertThat(scoring.severity(score.score())).isNull();
	}

	@Test
	void readingFarMoreThanPeersIsUnusualEvenIfItIsTheEmployeesHabit() {
		double[] own = detailViews(200 * HOURS_IN_BASELINE);
		double[] peers = detailViews(10 * HOURS_IN_BASELINE);
		IndicatorScore score = detail(scoring.score(detailViews(400), own, peers, false));
		assertThat(score.expected()).isEqualTo(60);
		assertThat(scoring.severity(score.score())).isEqualTo(Severity.CRITICAL);
	}

	@Test
	void aSuddenRiseAboveTheirOwnBaselineIsUnusualEvenIfPeersReadMore() {
		double[] own = detailViews(70 * HOURS_IN_BASELINE);
		double[] peers = detailViews(500 * HOURS_IN_BASELINE);
		IndicatorScore score = detail(scoring.score(detailViews(420), own, peers, false));
		assertThat(score.expected()).isCloseTo(70, within(0.01));
		assertThat(score.score()).isCloseTo(6, within(0.01));
		assertThat(scoring.severity(score.score())).isEqualTo(Severity.CRITICAL);
	}

	@Test
	void theSameActivityIsFourTimesAsUnusualForSomeoneServingNotice() {
		double[] views = detailViews(60);
		IndicatorScore active = detail(scoring.score(views, nothing(), nothing(), false));
		IndicatorScore leaving = detail(scoring.score(views, nothing(), nothing(), true));
		assertThat(scoring.severity(active.score())).isNull();
		assertThat(leaving.score()).isCloseTo(active.score() * 4, within(0.001));
		assertThat(scoring.severity(leaving.score())).isEqualTo(Severity.WARNING);
	}

	@Test
	void dailyIndicatorsDivideTheBaselineByDays() {
		double[] observed = nothing();
		double[] own = nothing();
		observed[Indicator.REVEALS.ordinal()] = 100;
		own[Indicator.REVEALS.ordinal()] = 30 * 25;
		IndicatorScore reveals = scoring.score(observed, own, null, false).get(Indicator.REVEALS.ordinal());
		assertThat(reveals.expected()).isCloseTo(25, within(0.01));
		assertThat(reveals.score()).isCloseTo(4, within(0.01));
	}

	private static IndicatorScore detail(List<IndicatorScore> scores) {
		return scores.get(DETAIL);
	}

	private static double[] detailViews(double amount) {
		double[] amounts = nothing();
		amounts[DETAIL] = amount;
		return amounts;
	}

	private static double[] nothing() {
		return new double[Indicator.values().length];
	}

}
