package dev.holdfast.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.holdfast.risk.RiskScoring.IndicatorScore;

/**
 * Measures employees against their baseline and peers: the current hour and day, the 30
 * days before each, for them and for their peers, in four queries for any number of
 * employees.
 */
@Component
class RiskEvaluation {

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Duration DAY = Duration.ofDays(1);

	private final IndicatorActivity activity;

	private final RiskSubjects subjects;

	private final RiskScoring scoring;

	RiskEvaluation(IndicatorActivity activity, RiskSubjects subjects, RiskProperties properties, RiskWeights weights) {
		this.activity = activity;
		this.subjects = subjects;
		this.scoring = new RiskScoring(properties, weights);
	}

	RiskScoring scoring() {
		return this.scoring;
	}

	/** Each indicator's score for each of the employees, at the given instant. */
	Map<Long, List<IndicatorScore>> scores(Collection<Long> employeeIds, Instant now) {
		Map<Long, List<Long>> peers = new HashMap<>();
		Set<Long> everyone = new LinkedHashSet<>(employeeIds);
		for (Long id : employeeIds) {
			peers.put(id, this.subjects.peers(id));
			everyone.addAll(peers.get(id));
		}
		Map<Long, double[]> hour = this.activity.sums(employeeIds, now.minus(HOUR), now);
		Map<Long, double[]> day = this.activity.sums(employeeIds, now.minus(DAY), now);
		Map<Long, double[]> beforeHour = this.activity.sums(everyone, now.minus(HOUR).minus(RiskScoring.BASELINE),
				now.minus(HOUR));
		Map<Long, double[]> beforeDay = this.activity.sums(everyone, now.minus(DAY).minus(RiskScoring.BASELINE),
				now.minus(DAY));
		Map<Long, List<IndicatorScore>> scores = new HashMap<>();
		for (Long id : employeeIds) {
			boolean leaving = this.subjects.find(id).map(RiskSubjects.Subject::leaving).orElse(false);
			double[] observed = byWindow(hour.get(id), day.get(id));
			double[] own = byWindow(beforeHour.get(id), beforeDay.get(id));
			double[] peer = peers.get(id).isEmpty() ? null
					: byWindow(average(beforeHour, peers.get(id)), average(beforeDay, peers.get(id)));
			scores.put(id, this.scoring.score(observed, own, peer, leaving));
		}
		return scores;
	}

	/** Takes each indicator's amount from the sums of its own window. */
	private static double[] byWindow(double[] hourly, double[] daily) {
		double[] amounts = new double[Indicator.values().length];
		for (Indicator indicator : Indicator.values()) {
			double[] source = indicator.window().equals(HOUR) ? hourly : daily;
			amounts[indicator.ordinal()] = source == null ? 0 : source[indicator.ordinal()];
		}
		return amounts;
	}

	private static double[] average(Map<Long, double[]> sums, List<Long> ids) {
		double[] total = new double[Indicator.values().length];
		for (Long id : ids) {
			double[] amounts = sums.get(id);
			for (int i = 0; amounts != null && i < total.length; i++) {
				total[i] += amounts[i];
			}
		}
		for (int i = 0; i < total.length; i++) {
			total[i] /= ids.size();
		}
		return total;
	}

	/**
	 * The recipients of an alert about the employee: their managers and the readers of
	 * risk.
	 */
	static List<Long> recipients(List<Long> managers, List<Long> readers, long employeeId) {
		Set<Long> recipients = new LinkedHashSet<>(managers);
		recipients.addAll(readers);
		recipients.remove(employeeId);
		return new ArrayList<>(recipients);
	}

}
