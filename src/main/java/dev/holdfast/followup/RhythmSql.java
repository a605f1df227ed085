package dev.holdfast.followup;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.holdfast.customer.CustomerLevel;

/**
 * The SQL of the rhythm clock, written once: when a customer is due and which customers
 * are due before an instant. {@link OverdueCustomers} explains the rule. Levels are enum
 * names and intervals whole seconds from the configuration: nothing from a user goes into
 * the SQL text.
 */
final class RhythmSql {

	/** A customer, and since when its current owner has held it. */
	static final String FROM = """
			from customer_directory c
			cross join lateral (select greatest(c.created_at, max(h.changed_at)) as since
			                    from customer_owner_change h where h.customer_id = c.id) s""";

	/** Customers that have a rhythm at all: active and owned. */
	static final String COUNTED = "c.archived_at is null and c.owner_id is not null";

	private RhythmSql() {
	}

	/** The instant the customer is due; null for a level without rhythm. */
	static String dueAt(FollowUpRhythm rhythm) {
		String cases = levels(rhythm).stream()
			.map(level -> "when '%s' then %s".formatted(level.name(), interval(rhythm, level)))
			.collect(Collectors.joining(" "));
		return cases.isEmpty() ? "cast(null as timestamptz)"
				: "greatest(c.last_followed_up_at, s.since) + case c.level " + cases + " end";
	}

	/**
	 * One customer's level, since, last follow-up and due instant (null when not
	 * counted).
	 */
	static String one(FollowUpRhythm rhythm) {
		return "select c.level, s.since, c.last_followed_up_at, case when %s then %s end as due_at %s where c.id = :id"
			.formatted(COUNTED, dueAt(rhythm), FROM);
	}

	/**
	 * The counted customers of {@code :owners} (of everyone when {@code everyone}) due
	 * before {@code :until}; null when no level has a rhythm. The first condition per
	 * level is implied by the exact one after it (the later of two instants is no earlier
	 * than either): it lets the index on the owner, the level and the older clock
	 * ({@code ix_customer_rhythm}, or {@code ix_customer_rhythm_level} for everyone) read
	 * only the customers that can be due.
	 */
	static String due(FollowUpRhythm rhythm, boolean everyone) {
		List<CustomerLevel> levels = levels(rhythm);
		if (levels.isEmpty()) {
			return null;
		}
		String ranges = levels.stream()
			.map(level -> "(c.level = '%s' and coalesce(c.last_followed_up_at, c.created_at) < %s - %s)"
				.formatted(level.name(), "cast(:until as timestamptz)", interval(rhythm, level)))
			.collect(Collectors.joining("\n or "));
		return """
				select c.id, c.name, c.level, c.owner_id, %s as due_at
				%s
				where %s %s
				  and (%s)
				  and %s < cast(:until as timestamptz)""".formatted(dueAt(rhythm), FROM, COUNTED,
				everyone ? "" : "and c.owner_id = any(cast(:owners as bigint[]))", ranges, dueAt(rhythm));
	}

	/** How many of {@link #due} there are per owner and level. */
	static String countByOwner(FollowUpRhythm rhythm, boolean everyone) {
		String due = due(rhythm, everyone);
		return due == null ? null
				: "select d.owner_id, d.level, count(*) as n from (" + due + ") d group by d.owner_id, d.level";
	}

	/** The first {@code :max} of {@link #due}, earliest first. */
	static String listed(FollowUpRhythm rhythm, boolean everyone) {
		String due = due(rhythm, everyone);
		return due == null ? null : due + "\norder by due_at, c.id limit :max";
	}

	private static List<CustomerLevel> levels(FollowUpRhythm rhythm) {
		return Arrays.stream(CustomerLevel.values()).filter(level -> rhythm.interval(level).isPresent()).toList();
	}

	private static String interval(FollowUpRhythm rhythm, CustomerLevel level) {
		return "interval '" + rhythm.interval(level).orElseThrow().toSeconds() + " seconds'";
	}

}
