package dev.holdfast.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.organization.OwnerScope;

/**
 * The SQL behind reminders. A customer's "since" is its latest change of owner, else its
 * creation; its due date is its level's interval after the later of that and its last
 * substantive follow-up ({@link FollowUpRhythm}). Lists read one customer row each (index
 * {@code ix_customer_owner_rhythm}); callers pass the owners the viewer may see.
 */
@Component
class ReminderQueries {

	private static final String SINCE = """
			coalesce((select max(h.changed_at) from customer_owner_history h where h.customer_id = c.id),
			         c.created_at)""";

	private final JdbcClient jdbc;

	private final FollowUpRhythm rhythm;

	ReminderQueries(JdbcClient jdbc, FollowUpRhythm rhythm) {
		this.jdbc = jdbc;
		this.rhythm = rhythm;
	}

	record RhythmRow(CustomerLevel level, Instant since, Instant lastFollowedUpAt) {
	}

	Optional<RhythmRow> rhythmOf(long customerId) {
		return this.jdbc
			.sql("select c.level, " + SINCE + " as since, c.last_followed_up_at from customer c where c.id = ?")
			.param(customerId)
			.query((rs, n) -> new RhythmRow(CustomerLevel.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
					instant(rs, 3)))
			.optional();
	}

	/**
	 * The customers of the owners (everyone's when the scope is all) due before
	 * {@code until}, earliest first.
	 */
	List<RhythmReminder> due(OwnerScope owners, Instant now, Instant until, int max) {
		String intervals = CustomerLevelIntervals.values(this.rhythm);
		if (intervals.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select * from (
				  select c.id, c.name, c.level, c.owner_id,
				         greatest(c.last_followed_up_at, %s) + make_interval(secs => r.secs::float8) as due_at
				  from customer c join (values %s) as r(level, secs) on r.level = c.level
				  where c.archived_at is null and c.owner_id is not null %s
				) d where d.due_at < :until order by d.due_at, d.id limit :max""".formatted(SINCE, intervals,
				// a plain "owner_id in (...)" so that the plan uses the owner index
				owners.all() ? "" : "and c.owner_id in (:owners)"))
			.param("owners", owners.all() || owners.ownerIds().isEmpty() ? List.of(-1L) : owners.ownerIds())
			.param("until", Timestamp.from(until))
			.param("max", max)
			.query((rs, n) -> {
				Instant due = rs.getTimestamp("due_at").toInstant();
				return new RhythmReminder(rs.getLong("id"), rs.getString("name"),
						CustomerLevel.valueOf(rs.getString("level")), rs.getLong("owner_id"), due, due.isBefore(now));
			})
			.list();
	}

	/**
	 * The author's next-contact dates before {@code until} that no later follow-up of the
	 * customer answered, on customers the viewer's scope (or membership) still shows.
	 */
	List<NextContactReminder> nextContacts(long author, OwnerScope scope, Instant now, Instant until, int max) {
		return this.jdbc
			.sql("""
					select f.id, f.customer_id, c.name, f.next_contact_at from follow_up f join customer c on c.id = f.customer_id
					where f.author_id = :me and f.next_contact_at is not null and f.next_contact_at < :until
					  and c.archived_at is null
					  and not exists (select 1 from follow_up l where l.customer_id = f.customer_id
					                  and (l.created_at > f.created_at or (l.created_at = f.created_at and l.id > f.id)))
					  and (c.owner_id = :me or :all or c.owner_id in (:owners)
					       or exists (select 1 from customer_member m where m.customer_id = c.id and m.employee_id = :me
					                  and m.removed_at is null and (m.expires_at is null or m.expires_at > now())))
					order by f.next_contact_at, f.id limit :max""")
			.param("me", author)
			.param("all", scope.all())
			.param("owners", scope.all() || scope.ownerIds().isEmpty() ? List.of(-1L) : scope.ownerIds())
			.param("until", Timestamp.from(until))
			.param("max", max)
			.query((rs, n) -> {
				Instant at = rs.getTimestamp(4).toInstant();
				return new NextContactReminder(rs.getLong(1), rs.getLong(2), rs.getString(3), at, at.isBefore(now));
			})
			.list();
	}

	/** Follow-ups recorded per author since the instant, for the weekly summary. */
	java.util.Map<Long, Long> followUpsSince(java.util.Collection<Long> authors, Instant since) {
		if (authors.isEmpty()) {
			return java.util.Map.of();
		}
		return this.jdbc.sql("""
				select author_id, count(*) from follow_up where author_id in (:authors) and created_at >= :since
				group by author_id""")
			.param("authors", authors)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

}
