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
	 * For each of the customers, the earliest next-contact date after now that the author
	 * set. The caller has checked that the current employee may see these customers.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Instant> openBy(long authorId, Collection<Long> customerIds) {
		Map<Long, Instant> found = new HashMap<>();
		if (!customerIds.isEmpty()) {
			this.jdbc.sql("""
					select customer_id, min(next_contact_at) from follow_up
					where author_id = :author and customer_id in (:ids) and next_contact_at > now()
					group by customer_id""").param("author", authorId).param("ids", customerIds).query(rs -> {
				found.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
			});
		}
		return found;
	}

	/** How many open next-contact dates the author has, over all customers. */
	@Transactional(readOnly = true)
	public long countBy(long authorId) {
		return this.jdbc.sql("select count(*) from follow_up where author_id = ? and next_contact_at > now()")
			.param(authorId)
			.query(Long.class)
			.single();
	}

}
