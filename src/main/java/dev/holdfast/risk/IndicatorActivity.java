package dev.holdfast.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import dev.holdfast.audit.ActivityMeasure;
import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditActivity;

/**
 * Sums of every {@link Indicator} per employee over a time range, asked of the audit
 * module's {@link AuditActivity} in one query (indexed by actor, action and time).
 */
@Component
class IndicatorActivity {

	/** Reading events: views, reveals and exports. */
	static final Set<AuditAction> READING = Set.of(AuditAction.CUSTOMER_DATA_READ, AuditAction.CONTACT_REVEALED,
			AuditAction.EXPORT_REQUESTED);

	private final AuditActivity activity;

	private final List<ActivityMeasure> measures;

	IndicatorActivity(AuditActivity activity, RiskProperties properties, RiskWeights weights) {
		this.activity = activity;
		this.measures = Stream.of(Indicator.values()).map(i -> i.measure(properties, weights)).toList();
	}

	/**
	 * The amount of each indicator per employee in (from, to]; employees without any are
	 * left out.
	 */
	Map<Long, double[]> sums(Collection<Long> employeeIds, Instant from, Instant to) {
		return this.activity.sums(this.measures, employeeIds, from, to);
	}

	/** The amount of each indicator per day (in the company's zone) of one employee. */
	Map<LocalDate, double[]> daily(long employeeId, Instant from, Instant to) {
		return this.activity.daily(this.measures, employeeId, from, to);
	}

	/**
	 * Reading events (views, reveals, exports) per hour of the day before the instant,
	 * oldest first.
	 */
	double[] hourly(long employeeId, Instant now) {
		return this.activity.hourly(employeeId, READING, now);
	}

	/** Reading events per hour over the 30 days before the last day. */
	double hourlyBaseline(long employeeId, Instant now) {
		Instant until = now.minus(java.time.Duration.ofDays(1));
		return this.activity.count(employeeId, READING, until.minus(RiskScoring.BASELINE), until)
				/ (double) RiskScoring.BASELINE.toHours();
	}

}
