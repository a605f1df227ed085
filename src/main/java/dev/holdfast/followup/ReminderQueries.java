package dev.holdfast.followup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.organization.OwnerScope;

/**
 * The SQL behind reminders besides the rhythm ({@link OverdueCustomers}): the promised
 * next contacts and the weekly count of follow-ups. Callers pass the owners the viewer
 * may see.
 */
@Component
class ReminderQueries {

	private final JdbcClient jdbc;

	ReminderQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

}
