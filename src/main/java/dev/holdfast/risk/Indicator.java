package dev.holdfast.risk;

import java.time.Duration;

import dev.holdfast.shared.LabelPrefix;

/**
 * One kind of activity counted per employee from the audit trail, over a window (the last
 * hour or day), and what counts as a plain amount of it when nothing else is known.
 */
@LabelPrefix("risk.indicator")
enum Indicator {

	/**
	 * Customer records read: details and their parts (contacts, history, follow-ups,
	 * files, ...), one per customer and request, as metered by {@link ReadMeter}.
	 */
	DETAIL_VIEWS(Duration.ofHours(1), 60, "a.action = 'CUSTOMER_DATA_READ'",
			"coalesce((a.details::jsonb ->> 'records')::numeric, 0)"),

	LIST_PAGES(Duration.ofHours(1), 30, "a.action = 'CUSTOMERS_LISTED'", "1"),

	/** Rows of customer data in every list, as metered by {@link ReadMeter}. */
	ROWS_SEEN(Duration.ofHours(1), 1500, "a.action = 'CUSTOMER_DATA_READ'",
			"coalesce((a.details::jsonb ->> 'rows')::numeric, 0)"),

	REVEALS(Duration.ofDays(1), 20, "a.action in ('CONTACT_REVEALED', 'CUSTOMER_REVEALED')", "1"),

	EXPORTS(Duration.ofDays(1), 3, "a.action = 'EXPORT_REQUESTED'", "1"),

	EXPORT_ROWS(Duration.ofDays(1), 1000, "a.action = 'EXPORT_REQUESTED'",
			"coalesce((a.details::jsonb ->> 'rows')::numeric, 0)"),

	OFF_HOURS(Duration.ofDays(1), 30, "a.action in ('CUSTOMER_DATA_READ', 'CONTACT_REVEALED', 'CUSTOMER_REVEALED', "
			+ "'EXPORT_REQUESTED') "
			+ "and (extract(hour from a.occurred_at at time zone :zone) not between :workStart and :workEnd - 1 "
			+ "or extract(isodow from a.occurred_at at time zone :zone) > 5)", "1"),

	NEW_LOGIN_SOURCES(Duration.ofDays(1), 1, "a.action = 'LOGIN_SUCCEEDED'", """
			case when exists (select 1 from audit_event o where o.actor_id = a.actor_id
			        and o.action = 'LOGIN_SUCCEEDED' and o.occurred_at < a.occurred_at
			        and o.occurred_at > a.occurred_at - interval '30 days')
			    and not exists (select 1 from audit_event o where o.actor_id = a.actor_id
			        and o.action = 'LOGIN_SUCCEEDED' and o.occurred_at < a.occurred_at
			        and o.occurred_at > a.occurred_at - interval '30 days'
			        and o.client_ip is not distinct from a.client_ip
			        and o.user_agent is not distinct from a.user_agent)
			then 1 else 0 end"""),

	ARCHIVES(Duration.ofHours(1), 10,
			"(a.action = 'CUSTOMER_ARCHIVED' or (a.action = 'ACCESS_DENIED' and a.details like '%archive%'))", "1"),

	RATE_LIMITED(Duration.ofHours(1), 1, "a.action = 'RATE_LIMITED'", "1"),

	// issue 10, duplicate probing and contact phone/e-mail changes (h1)

	/**
	 * Duplicate refusals on a phone or e-mail: each is a confirmed guess, so a few count
	 * double.
	 */
	DUPLICATE_PROBES(Duration.ofDays(1), 3, 2, "a.action = 'DUPLICATE_REFUSED'", "1"),

	/**
	 * Changes of existing contacts' phone numbers and e-mail addresses, weighted by the
	 * customer's level ({@link RiskWeights#contactLevels()}).
	 */
	CONTACT_CHANGES(Duration.ofDays(1), 6, 1,
			"a.action in ('CONTACT_UPDATED', 'CONTACT_RESTORED') and a.details like '%\"changed\"%'",
			"coalesce((cast(:contactLevels as jsonb) ->> (a.details::jsonb ->> 'level'))::numeric, 1)");

	private final Duration window;

	private final double floor;

	private final double weight;

	private final String predicate;

	private final String value;

	Indicator(Duration window, double floor, String predicate, String value) {
		this(window, floor, 1, predicate, value);
	}

	Indicator(Duration window, double floor, double weight, String predicate, String value) {
		this.window = window;
		this.floor = floor;
		this.weight = weight;
		this.predicate = predicate;
		this.value = value;
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

	String predicate() {
		return this.predicate;
	}

	String value() {
		return this.value;
	}

	/** How many windows the 30-day baseline holds: its amounts are divided by this. */
	double windowsInBaseline() {
		return (double) RiskScoring.BASELINE.toMinutes() / this.window.toMinutes();
	}

}
