package dev.holdfast.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.risk.RiskScoring.IndicatorScore;
import dev.holdfast.risk.RiskScoring.Severity;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.HoldfastClock;

/**
 * Builds the risk page: readers of risk data watch the busiest employees of the day and
 * everyone with an open alert or a suspension; a manager watches their team.
 */
@Component
class Dashboards {

	private static final int ROWS = 100;

	private final RiskManagement risk;

	private final RiskEvaluation evaluation;

	private final RiskSubjects subjects;

	private final RiskSuspensions suspensions;

	private final IndicatorActivity activity;

	private final RiskAccess access;

	private final HoldfastClock clock;

	Dashboards(RiskManagement risk, RiskEvaluation evaluation, RiskSubjects subjects, RiskSuspensions suspensions,
			IndicatorActivity activity, RiskAccess access, HoldfastClock clock) {
		this.risk = risk;
		this.evaluation = evaluation;
		this.subjects = subjects;
		this.suspensions = suspensions;
		this.activity = activity;
		this.access = access;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	RiskDashboard dashboard() {
		this.access.requireReader();
		Instant now = this.clock.now();
		List<Long> ids = this.access.readsAll() ? this.subjects.watched(now, ROWS)
				: this.subjects.reports(CurrentEmployee.id()).stream().limit(ROWS).toList();
		Map<Long, List<IndicatorScore>> scores = this.evaluation.scores(ids, now);
		List<RiskDashboard.Row> rows = new ArrayList<>();
		for (Long id : ids) {
			this.subjects.find(id).ifPresent(subject -> rows.add(row(subject, scores.get(id), now)));
		}
		rows.sort((a, b) -> Double.compare(b.score(), a.score()));
		return new RiskDashboard(rows, this.risk.alerts("OPEN"));
	}

	private RiskDashboard.Row row(RiskSubjects.Subject subject, List<IndicatorScore> scores, Instant now) {
		double top = scores.stream().mapToDouble(IndicatorScore::score).max().orElse(0);
		Severity severity = this.evaluation.scoring().severity(top);
		Set<String> suspended = this.suspensions.suspendedPermissions(subject.id());
		ActivityChart chart = ActivityChart.of(this.activity.hourly(subject.id(), now),
				this.activity.hourlyBaseline(subject.id(), now));
		return new RiskDashboard.Row(subject.id(), subject.displayName(), subject.leaving(), RiskScoring.round(top),
				severity == null ? null : severity.name(), suspended, chart);
	}

}
