package dev.holdfast.followup;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The next-contact dates an employee promised and that are still ahead, per customer: a
 * handover plan must show them, so that no promised call is forgotten.
 */
@Service
public class NextContacts {

	private final JdbcClient jdbc;

	NextContacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * For each of the customers, the earliest next-contact date after now that the
	 * employee planned: wrote, or owns the customer of a follow-up brought in from a
	 * file. The caller has checked that the current employee may see these customers.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Instant> openBy(long authorId, Collection<Long> customerIds) {
		Map<Long, Instant> found = new HashMap<>();
		if (!customerIds.isEmpty()) {
			this.jdbc.sql("""
					select f.customer_id, min(f.next_contact_at) from follow_up f
					join customer_directory c on c.id = f.customer_id
					where f.customer_id in (:ids) and f.next_contact_at > now() and %s
					group by f.customer_id""".formatted(FollowUpConditions.promisedBy("f", "c.owner_id", "author")))
				.param("author", authorId)
				.param("ids", customerIds)
				.query(rs -> {
					found.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
				});
		}
		return found;
	}

	/**
	 * How many open next-contact dates the employee has, over all customers: the ones
	 * they wrote, and the ones brought in from a file for customers they own (an imported
	 * promise is the owner's, not the importer's, as in the reminders).
	 */
	@Transactional(readOnly = true)
	public long countBy(long authorId) {
		return this.jdbc
			.sql("""
					select count(*) from follow_up f join customer_directory c on c.id = f.customer_id
					where f.next_contact_at > now() and %s"""
				.formatted(FollowUpConditions.promisedBy("f", "c.owner_id", "me")))
			.param("me", authorId)
			.query(Long.class)
			.single();
	}

}
