package dev.holdfast.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work done on a customer that its rules count: the follow-up module reports each
 * substantive follow-up here, so that the rhythm, the reminders and the public pool read
 * one column of the customer instead of its whole timeline. Not a change of the customer:
 * no version, no revision.
 */
@Service
public class CustomerActivity {

	private final JdbcClient jdbc;

	CustomerActivity(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A substantive follow-up at {@code at}; an older one than the last changes nothing.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void followedUp(long customerId, Instant at) {
		this.jdbc.sql("""
				update customer set last_followed_up_at = ?
				where id = ? and (last_followed_up_at is null or last_followed_up_at < ?)""")
			.params(Timestamp.from(at), customerId, Timestamp.from(at))
			.update();
	}

	/**
	 * Substantive follow-ups recorded as of the past, the latest per customer: each
	 * customer's last one moves forward to it, never back; one statement.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void followedUp(Map<Long, Instant> latest) {
		if (latest.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update customer c set last_followed_up_at = f.at
				from unnest(:ids::bigint[], :at::timestamptz[]) as f (id, at)
				where c.id = f.id and (c.last_followed_up_at is null or c.last_followed_up_at < f.at)""")
			.param("ids", latest.keySet().toArray(Long[]::new))
			.param("at", latest.values().stream().map(Instant::toString).toArray(String[]::new))
			.update();
	}

}
