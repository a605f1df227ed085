package dev.holdfast.audit;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One amount of an actor's activity that {@link AuditActivity} sums from the trail: which
 * events count (typed actions and typed conditions on their facts) and what each adds
 * (one, a number among its facts, or a weight). Other modules describe what they want to
 * know with these; the SQL over {@code audit_event} stays in this module, so renaming an
 * action is a compile error for everyone who counts it.
 */
public final class ActivityMeasure {

	private static final String NAME = "[A-Za-z][A-Za-z0-9_]*";

	private final String predicate;

	private final String value;

	private ActivityMeasure(String predicate, String value) {
		this.predicate = predicate;
		this.value = value;
	}

	/** Events of any of the actions, each counting one. */
	public static ActivityMeasure of(AuditAction first, AuditAction... more) {
		Set<AuditAction> actions = EnumSet.of(first, more);
		return new ActivityMeasure(actionIn(actions), "1");
	}

	/** Events of any of the actions, each counting one. */
	public static ActivityMeasure of(Set<AuditAction> actions) {
		if (actions.isEmpty()) {
			throw new IllegalArgumentException("a measure needs at least one action");
		}
		return new ActivityMeasure(actionIn(actions), "1");
	}

	/**
	 * Only events whose facts hold the key (e.g. {@code changed}: a value was changed).
	 */
	public ActivityMeasure withFact(String key) {
		return where("jsonb_exists(a.details::jsonb, '" + name(key) + "')");
	}

	/**
	 * Only events whose fact of the key is not {@code true} (missing or false), e.g.
	 * {@code visible}: a duplicate refusal that named a customer the actor may read.
	 */
	public ActivityMeasure unlessFact(String key) {
		return where("coalesce(a.details::jsonb ->> '" + name(key) + "', 'false') <> 'true'");
	}

	/**
	 * Only events whose fact of the key is this number (e.g. {@code importId}: the events
	 * one import caused).
	 */
	public ActivityMeasure withFact(String key, long value) {
		return where("a.details::jsonb ->> '" + name(key) + "' = '" + value + "'");
	}

	/**
	 * Only refusals ({@link AuditAction#ACCESS_DENIED}) of a request to do the verb: the
	 * refused request's path ends in {@code /<verb>}, or the missing permission is
	 * {@code <something>.<verb>}.
	 */
	public ActivityMeasure refusing(String verb) {
		String v = name(verb);
		return where("(a.details::jsonb ->> 'request' ~ '/" + v + "/*$' or a.details::jsonb ->> 'message' like "
				+ "'missing permission %." + v + "')");
	}

	/**
	 * Only events outside the working day: before the start hour or from the end hour on,
	 * or at the weekend, in the company's zone.
	 */
	public ActivityMeasure outsideHours(int startHour, int endHour) {
		if (startHour < 0 || endHour > 24 || startHour > endHour) {
			throw new IllegalArgumentException("working hours " + startHour + "-" + endHour);
		}
		return where("(extract(hour from a.occurred_at at time zone :zone) not between " + startHour + " and "
				+ (endHour - 1) + " or extract(isodow from a.occurred_at at time zone :zone) > 5)");
	}

	/** Each event adds the number among its facts under the key (0 without one). */
	public ActivityMeasure summing(String key) {
		return new ActivityMeasure(this.predicate, "coalesce((a.details::jsonb ->> '" + name(key) + "')::numeric, 0)");
	}

	/**
	 * Each event adds the weight of its fact under the key (e.g. a customer's level); a
	 * value without a weight adds one.
	 */
	public ActivityMeasure weighing(String key, Map<String, ? extends Number> weights) {
		String json = new TreeMap<>(weights).entrySet()
			.stream()
			.filter(e -> e.getKey().matches("[A-Za-z0-9_]+"))
			.map(e -> "\"" + e.getKey() + "\": " + e.getValue().doubleValue())
			.collect(Collectors.joining(", ", "{", "}"));
		return new ActivityMeasure(this.predicate,
				"coalesce((cast('" + json + "' as jsonb) ->> (a.details::jsonb ->> '" + name(key) + "'))::numeric, 1)");
	}

	/**
	 * Each event adds one when it came from a client (address and browser) the actor did
	 * not use for the same action in the look-back before it, though they did that action
	 * then: a login from somewhere new, say.
	 */
	public ActivityMeasure fromNewClient(Duration lookBack) {
		String same = "o.actor_id = a.actor_id and o.action = a.action and o.occurred_at < a.occurred_at "
				+ "and o.occurred_at > a.occurred_at - interval '" + lookBack.toSeconds() + " seconds'";
		return new ActivityMeasure(this.predicate, "case when exists (select 1 from audit_event o where " + same
				+ ") and not exists (select 1 from audit_event o where " + same
				+ " and o.client_ip is not distinct from a.client_ip and o.user_agent is not distinct from a.user_agent)"
				+ " then 1 else 0 end");
	}

	/** Events of this measure or of the other, which must add the same amount. */
	public ActivityMeasure or(ActivityMeasure other) {
		if (!this.value.equals(other.value)) {
			throw new IllegalArgumentException("only measures that add the same amount can be joined");
		}
		return new ActivityMeasure("((" + this.predicate + ") or (" + other.predicate + "))", this.value);
	}

	/** The measure's column in a query over {@code audit_event a}. */
	String sum(String column) {
		return "coalesce(sum(" + this.value + ") filter (where " + this.predicate + "), 0) as " + column;
	}

	private ActivityMeasure where(String condition) {
		return new ActivityMeasure(this.predicate + " and " + condition, this.value);
	}

	static String actionIn(Set<AuditAction> actions) {
		return actions.stream()
			.map(a -> "'" + a.name() + "'")
			.sorted()
			.collect(Collectors.joining(", ", "a.action in (", ")"));
	}

	private static String name(String key) {
		if (!Objects.requireNonNull(key).matches(NAME)) {
			throw new IllegalArgumentException("not a fact's name: " + key);
		}
		return key;
	}

	@Override
	public String toString() {
		return Arrays.asList(this.predicate, this.value).toString();
	}

}
