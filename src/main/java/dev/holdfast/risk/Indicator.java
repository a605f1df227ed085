package dev.holdfast.risk;

import java.time.Duration;
import java.util.function.BiFunction;

import dev.holdfast.audit.ActivityMeasure;
import dev.holdfast.audit.AuditAction;
import dev.holdfast.shared.LabelPrefix;

import static dev.holdfast.audit.AuditAction.ACCESS_DENIED;
import static dev.holdfast.audit.AuditAction.CONTACT_RESTORED;
import static dev.holdfast.audit.AuditAction.CONTACT_REVEALED;
import static dev.holdfast.audit.AuditAction.CONTACT_UPDATED;
import static dev.holdfast.audit.AuditAction.CUSTOMERS_LISTED;
import static dev.holdfast.audit.AuditAction.CUSTOMER_ARCHIVED;
import static dev.holdfast.audit.AuditAction.CUSTOMER_DATA_READ;
import static dev.holdfast.audit.AuditAction.CUSTOMER_REVEALED;
import static dev.holdfast.audit.AuditAction.DUPLICATE_REFUSED;
import static dev.holdfast.audit.AuditAction.EXPORT_REQUESTED;
import static dev.holdfast.audit.AuditAction.LOGIN_SUCCEEDED;

/**
 * One kind of activity counted per employee from the audit trail, over a window (the last
 * hour or day), and what counts as a plain amount of it when nothing else is known. What
 * it counts is an {@link ActivityMeasure} of typed audit actions, summed by the audit
 * module's {@link dev.holdfast.audit.AuditActivity}.
 */
@LabelPrefix("risk.indicator")
enum Indicator {

	/**
	 * Customer records read: details and their parts (contacts, history, follow-ups,
	 * files, ...), one per customer and request, as metered by {@link ReadMeter}.
	 */
	DETAIL_VIEWS(Duration.ofHours(1), 60, (p, w) -> ActivityMeasure.of(CUSTOMER_DATA_READ).summing("records")),

	LIST_PAGES(Duration.ofHours(1), 30, (p, w) -> ActivityMeasure.of(CUSTOMERS_LISTED)),

	/** Rows of customer data in every list, as metered by {@link ReadMeter}. */
	ROWS_SEEN(Duration.ofHours(1), 1500, (p, w) -> ActivityMeasure.of(CUSTOMER_DATA_READ).summing("rows")),

	REVEALS(Duration.ofDays(1), 20, (p, w) -> ActivityMeasure.of(CONTACT_REVEALED, CUSTOMER_REVEALED)),

	EXPORTS(Duration.ofDays(1), 3, (p, w) -> ActivityMeasure.of(EXPORT_REQUESTED)),

	EXPORT_ROWS(Duration.ofDays(1), 1000, (p, w) -> ActivityMeasure.of(EXPORT_REQUESTED).summing("rows")),

	OFF_HOURS(Duration.ofDays(1), 30,
			(p, w) -> ActivityMeasure.of(CUSTOMER_DATA_READ, CONTACT_REVEALED, CUSTOMER_REVEALED, EXPORT_REQUESTED)
				.outsideHours(p.workStartHour(), p.workEndHour())),

	NEW_LOGIN_SOURCES(Duration.ofDays(1), 1,
			(p, w) -> ActivityMeasure.of(LOGIN_SUCCEEDED).fromNewClient(Duration.ofDays(30))),

	/** Customers archived, and refused attempts to archive. */
	ARCHIVES(Duration.ofHours(1), 10,
			(p, w) -> ActivityMeasure.of(CUSTOMER_ARCHIVED).or(ActivityMeasure.of(ACCESS_DENIED).refusing("archive"))),

	RATE_LIMITED(Duration.ofHours(1), 1, (p, w) -> ActivityMeasure.of(AuditAction.RATE_LIMITED)),

	// issue 10, duplicate probing and contact phone/e-mail changes (h1)

	/**
	 * Duplicate refusals on a phone or e-mail at customers the employee may not see: each
	 * is a confirmed guess, so a few count double. A refusal that named a customer they
	 * may read confirms nothing they could not read (re-checking one's own import file).
	 */
	DUPLICATE_PROBES(Duration.ofDays(1), 3, 2, (p, w) -> ActivityMeasure.of(DUPLICATE_REFUSED).unlessFact("visible")),

	/**
	 * Changes of existing contacts' phone numbers and e-mail addresses, weighted by the
	 * customer's level ({@link RiskWeights#contactLevels()}).
	 */
	CONTACT_CHANGES(Duration.ofDays(1), 6, 1,
			(p, w) -> ActivityMeasure.of(CONTACT_UPDATED, CONTACT_RESTORED)
				.withFact("changed")
				.weighing("level", w.contactWeights()));

	private final Duration window;

	private final double floor;

	private final double weight;

	private final BiFunction<RiskProperties, RiskWeights, ActivityMeasure> measure;

	Indicator(Duration window, double floor, BiFunction<RiskProperties, RiskWeights, ActivityMeasure> measure) {
		this(window, floor, 1, measure);
	}

	Indicator(Duration window, double floor, double weight,
			BiFunction<RiskProperties, RiskWeights, ActivityMeasure> measure) {
		this.window = window;
		this.floor = floor;
		this.weight = weight;
		this.measure = measure;
	}

	/** A multiplier of the indicator's score: how much being unusual here weighs. */
	double weight() {
		return this.weight;
	}

	Duration window() {
		return this.window;
	}

	double floor() {
		return this.floor;
	}

	/**
	 * What the indicator counts in the audit trail, with the configured hours and
	 * weights.
	 */
	ActivityMeasure measure(RiskProperties properties, RiskWeights weights) {
		return this.measure.apply(properties, weights);
	}

	/** How many windows the 30-day baseline holds: its amounts are divided by this. */
	double windowsInBaseline() {
		return (double) RiskScoring.BASELINE.toMinutes() / this.window.toMinutes();
	}

}
