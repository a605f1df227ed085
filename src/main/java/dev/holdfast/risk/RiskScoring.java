package dev.holdfast.risk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.holdfast.shared.LabelPrefix;

/**
 * Scores one employee's activity: each indicator of the current window against what is
 * expected of them, that is the lower of their own 30-day rate and their peers' (unusual
 * against either one counts), never below the indicator's floor, times the indicator's
 * weight. For an employee serving notice, the expectation shrinks by the leaving factor.
 */
final class RiskScoring {

	/** How far back the baseline reaches, before the current window. */
	static final Duration BASELINE = Duration.ofDays(30);

	private final RiskProperties properties;

	private final RiskWeights weights;

	RiskScoring(RiskProperties properties) {
		this(properties, RiskWeights.defaults());
	}

	RiskScoring(RiskProperties properties, RiskWeights weights) {
		this.properties = properties;
		this.weights = weights;
	}

	/**
	 * @param observed the amount of each indicator in its current window
	 * @param own the employee's own amount over the baseline period, per indicator
	 * @param peers the average amount of their peers over the baseline period, or
	 * {@code null} if they have none
	 */
	List<IndicatorScore> score(double[] observed, double[] own, double[] peers, boolean leaving) {
		List<IndicatorScore> scores = new ArrayList<>();
		for (Indicator indicator : Indicator.values()) {
			int i = indicator.ordinal();
			double ownRate = own[i] / indicator.windowsInBaseline();
			double usual = peers == null ? ownRate : Math.min(ownRate, peers[i] / indicator.windowsInBaseline());
			double expected = Math.max(this.properties.floor(indicator), usual)
					* (leaving ? this.properties.leavingFactor() : 1);
			scores.add(new IndicatorScore(indicator, observed[i], expected,
					observed[i] / expected * this.weights.of(indicator)));
		}
		return scores;
	}

	/** WARNING, CRITICAL, or null below the warning score. */
	Severity severity(double score) {
		if (score >= this.properties.criticalScore()) {
			return Severity.CRITICAL;
		}
		return score >= this.properties.warningScore() ? Severity.WARNING : null;
	}

	/** Two decimals, for views and the alerts table. */
	static double round(double value) {
		return Math.round(Math.min(value, 1e9) * 100) / 100.0;
	}

	@LabelPrefix("risk.severity")
	enum Severity {

		WARNING, CRITICAL

	}

	/** One indicator of one employee: what was seen, what was expected, and the ratio. */
	record IndicatorScore(Indicator indicator, double observed, double expected, double score) {
	}

}
