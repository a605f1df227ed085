package dev.holdfast.risk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.NotFoundException;

/**
 * Look-back reports: the last 90 days of an employee against their baseline. One is kept
 * when an employee starts serving notice (right after the resignation is recorded, see
 * {@link ResignationWatch}; the scheduled evaluation catches any it missed), so the case
 * shows what the employee did before anyone knew; otherwise one is computed on request.
 */
@Component
class Lookbacks {

	private static final Duration PERIOD = Duration.ofDays(90);

	private final IndicatorActivity activity;

	private final RiskSubjects subjects;

	private final RiskAccess access;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final HoldfastClock clock;

	Lookbacks(IndicatorActivity activity, RiskSubjects subjects, RiskAccess access, JdbcClient jdbc, ObjectMapper json,
			HoldfastClock clock) {
		this.activity = activity;
		this.subjects = subjects;
		this.access = access;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	LookbackReport report(long employeeId) {
		this.access.requireRead(employeeId);
		return reportOf(employeeId);
	}

	/** The kept report, else one computed now; callers decide who may see it. */
	LookbackReport reportOf(long employeeId) {
		RiskSubjects.Subject subject = this.subjects.find(employeeId)
			.orElseThrow(() -> new NotFoundException("employee"));
		return this.jdbc.sql("select report from risk_lookback where employee_id = ?")
			.param(employeeId)
			.query(String.class)
			.optional()
			.map(kept -> this.json.readValue(kept, LookbackReport.class))
			.orElseGet(() -> compute(subject, this.clock.now(), false));
	}

	/**
	 * Keeps the report of every employee who started serving notice since the last run.
	 */
	@Transactional
	void keepForNewLeavers(Instant now) {
		for (Long id : this.subjects.leavingWithoutLookback()) {
			keep(id, now);
		}
	}

	/**
	 * Keeps the employee's report as of now, unless one is kept already (so that a
	 * redelivered resignation, or the scheduled run after it, changes nothing).
	 */
	@Transactional
	void keep(long employeeId, Instant now) {
		this.subjects.find(employeeId)
			.ifPresent(subject -> this.jdbc.sql("""
					insert into risk_lookback (employee_id, report) values (?, ?)
					on conflict do nothing""")
				.params(employeeId, this.json.writeValueAsString(compute(subject, now, true)))
				.update());
	}

	LookbackReport compute(RiskSubjects.Subject subject, Instant until, boolean kept) {
		Instant from = until.minus(PERIOD);
		long id = subject.id();
		double[] own = this.activity.sums(List.of(id), from.minus(RiskScoring.BASELINE), from)
			.getOrDefault(id, new double[Indicator.values().length]);
		List<Long> peers = this.subjects.peers(id);
		Map<Long, double[]> peerSums = this.activity.sums(peers, from, until);
		Map<LocalDate, double[]> days = this.activity.daily(id, from, until);
		List<LookbackReport.Line> lines = new ArrayList<>();
		for (Indicator indicator : Indicator.values()) {
			lines.add(line(indicator, own, peers.size(), peerSums, days));
		}
		return new LookbackReport(id, subject.displayName(), from, until, kept, lines);
	}

	private static LookbackReport.Line line(Indicator indicator, double[] own, int peerCount,
			Map<Long, double[]> peerSums, Map<LocalDate, double[]> days) {
		int i = indicator.ordinal();
		double baseline = own[i] / RiskScoring.BASELINE.toDays();
		double peers = peerCount == 0 ? 0
				: peerSums.values().stream().mapToDouble(a -> a[i]).sum() / peerCount / PERIOD.toDays();
		double expected = Math.max(Math.max(baseline, peers), 1);
		double total = 0;
		double peak = 0;
		LocalDate peakDay = null;
		int unusual = 0;
		for (Map.Entry<LocalDate, double[]> day : days.entrySet()) {
			double amount = day.getValue()[i];
			total += amount;
			if (amount > peak) {
				peak = amount;
				peakDay = day.getKey();
			}
			if (amount >= 3 * expected) {
				unusual++;
			}
		}
		return new LookbackReport.Line(indicator.name(), total, RiskScoring.round(total / PERIOD.toDays()),
				RiskScoring.round(baseline), RiskScoring.round(peers), peakDay, peak, unusual);
	}

}
