package dev.holdfast.followup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.VisibleCustomers;

/**
 * The SQL behind reminders besides the rhythm ({@link OverdueCustomers}): the promised
 * next contacts and the weekly count of follow-ups. Callers pass customer's visibility
 * filter of the viewer.
 */
@Component
class ReminderQueries {

	private final JdbcClient jdbc;

	ReminderQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The author's next-contact dates before {@code until} that no later follow-up of the
	 * customer answered, on customers the viewer's scope (or membership) still shows. A
	 * follow-up brought in from a file (an import) is the customer's owner's promise, not
	 * the importer's (role walk, stop 22: a manager importing for a rep got the rep's
	 * agreed calls, and the rep none).
	 */
	List<NextContactReminder> nextContacts(long author, VisibleCustomers.Filter visible, Instant now, Instant until,
			int max) {
		return this.jdbc
			.sql("""
					select f.id, f.customer_id, c.name, f.next_contact_at, f.brought_in_by is not null from follow_up f join customer_directory c on c.id = f.customer_id
					where f.id in (select a.id from follow_up a
					               where a.author_id = :me and a.brought_in_by is null
					                 and a.next_contact_at is not null and a.next_contact_at < :until
					               union all
					               select b.id from follow_up b join customer_directory o on o.id = b.customer_id
					               where o.owner_id = :me and b.brought_in_by is not null
					                 and b.next_contact_at is not null and b.next_contact_at < :until)
					  and c.archived_at is null
					  and not exists (select 1 from follow_up l where l.customer_id = f.customer_id
					                  and (l.created_at > f.created_at or (l.created_at = f.created_at and l.id > f.id)))
					  and (c.owner_id = :me or %s)
					order by f.next_contact_at, f.id limit :max"""
				.formatted(visible.sql()))
			.params(visible.params())
			.param("me", author)
			.param("until", Timestamp.from(until))
			.param("max", max)
			.query((rs, n) -> {
				Instant at = rs.getTimestamp(4).toInstant();
				return new NextContactReminder(rs.getLong(1), rs.getLong(2), rs.getString(3), at, at.isBefore(now),
						rs.getBoolean(5));
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

}
