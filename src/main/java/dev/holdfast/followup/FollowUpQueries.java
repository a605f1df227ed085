package dev.holdfast.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.CustomerVisibility;

/**
 * Read-only questions other modules ask about follow-ups: how many each author recorded
 * per week (the dashboard), and a customer's follow-ups in order (know-how's sequences).
 * A customer's follow-ups answer 404 for a customer the caller may not see.
 */
@Service
public class FollowUpQueries {

	/**
	 * Follow-ups one author recorded in one week (starting Monday, in the given zone).
	 */
	public record AuthorWeek(long authorId, LocalDate week, long count) {
	}

	/** One follow-up of a sequence, with its text. */
	public record Step(long id, String kind, String content, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	private final CustomerVisibility visibility;

	FollowUpQueries(JdbcClient jdbc, CustomerVisibility visibility) {
		this.jdbc = jdbc;
		this.visibility = visibility;
	}

	/**
	 * Follow-ups per author and week recorded in [start, end) (index on author and time,
	 * or on time alone for everyone).
	 * @param authors the authors counted, {@code null} for all
	 */
	@Transactional(readOnly = true)
	public List<AuthorWeek> perAuthorAndWeek(Set<Long> authors, Instant start, Instant end, ZoneId zone) {
		return this.jdbc.sql(perAuthorAndWeekSql(authors == null))
			.params(perAuthorAndWeekParams(authors, start, end, zone))
			.query((rs, row) -> new AuthorWeek(rs.getLong("author_id"), rs.getObject("week", LocalDate.class),
					rs.getLong("n")))
			.list();
	}

	static String perAuthorAndWeekSql(boolean everyone) {
		return """
				select f.author_id, (date_trunc('week', f.created_at at time zone :zone))::date as week, count(*) as n
				from follow_up f
				where f.created_at >= :start and f.created_at < :end %s
				group by f.author_id, week"""
			.formatted(everyone ? "" : "and f.author_id = any(cast(:authors as bigint[]))");
	}

	static Map<String, Object> perAuthorAndWeekParams(Set<Long> authors, Instant start, Instant end, ZoneId zone) {
		return Map.of("zone", zone.getId(), "start", Timestamp.from(start), "end", Timestamp.from(end), "authors",
				authors == null ? "{}"
						: authors.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
	}

	/** The customer's latest follow-ups, newest first. */
	@Transactional(readOnly = true)
	public List<Step> latest(long customerId, int limit) {
		this.visibility.requireVisible(customerId);
		return this.jdbc.sql("""
				select id, kind, content, created_at from follow_up where customer_id = :customer
				order by created_at desc, id desc limit :limit""")
			.param("customer", customerId)
			.param("limit", limit)
			.query(FollowUpQueries::step)
			.list();
	}

	/**
	 * The chosen follow-ups of the customer in order; ids of another customer are not
	 * found.
	 */
	@Transactional(readOnly = true)
	public List<Step> byIds(long customerId, List<Long> ids) {
		this.visibility.requireVisible(customerId);
		return this.jdbc.sql("""
				select id, kind, content, created_at from follow_up
				where customer_id = :customer and id in (:ids) order by created_at, id""")
			.param("customer", customerId)
			.param("ids", ids)
			.query(FollowUpQueries::step)
			.list();
	}

	/**
	 * The customer's follow-ups recorded in [from, to), in order, at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	public List<Step> between(long customerId, Instant from, Instant to, int limit) {
		this.visibility.requireVisible(customerId);
		return this.jdbc.sql("""
				select id, kind, content, created_at from follow_up
				where customer_id = :customer and created_at >= :from and created_at < :to
				order by created_at, id limit :limit""")
			.param("customer", customerId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", limit)
			.query(FollowUpQueries::step)
			.list();
	}

	private static Step step(ResultSet rs, int row) throws SQLException {
		return new Step(rs.getLong("id"), rs.getString("kind"), rs.getString("content"),
				rs.getTimestamp("created_at").toInstant());
	}

	/**
	 * The time of the latest substantive follow-up by anyone on each of the customers
	 * that has one (the post-departure watch's "no follow-up"); ids and times only,
	 * callers decide who may see them.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, Instant> lastSubstantive(java.util.Collection<Long> customerIds) {
		java.util.Map<Long, Instant> last = new java.util.HashMap<>();
		if (customerIds.isEmpty()) {
			return last;
		}
		this.jdbc.sql("""
				select customer_id, max(created_at) from follow_up
				where customer_id in (:ids) and substantive group by customer_id""")
			.param("ids", customerIds)
			.query(rs -> {
				last.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
			});
		return last;
	}

}
