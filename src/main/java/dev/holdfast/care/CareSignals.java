package dev.holdfast.care;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What care learned of customers, as facts for the post-departure watch: a query API of
 * the owner of {@code complaint} and {@code care_visit}. Ids, times and scores only,
 * never a complaint's text or a visit's outcome; callers decide who may see them.
 */
@Service
public class CareSignals {

	private final JdbcClient jdbc;

	CareSignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A complaint opened on a customer. */
	public record ComplaintFact(long complaintId, long customerId, Instant openedAt, String severity) {
	}

	/**
	 * A completed care visit that did not reach the customer ({@code reached} false), or
	 * reached them with a low satisfaction score.
	 */
	public record VisitFact(long visitId, long customerId, Instant completedAt, boolean reached, Integer satisfaction) {
	}

	/** Complaints opened on the customers at or after the instant, oldest first. */
	@Transactional(readOnly = true)
	public List<ComplaintFact> complaints(Collection<Long> customerIds, Instant since) {
		if (customerIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select id, customer_id, created_at, severity from complaint
				where customer_id in (:ids) and created_at >= :since order by created_at, id""")
			.param("ids", customerIds)
			.param("since", Timestamp.from(since))
			.query((rs, row) -> new ComplaintFact(rs.getLong("id"), rs.getLong("customer_id"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("severity")))
			.list();
	}

	/**
	 * Visits to the customers completed at or after the instant that did not reach the
	 * customer or scored at most {@code lowScore} (of 5), oldest first.
	 */
	@Transactional(readOnly = true)
	public List<VisitFact> troubledVisits(Collection<Long> customerIds, Instant since, int lowScore) {
		if (customerIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select id, customer_id, completed_at, reached, satisfaction from care_visit
				where customer_id in (:ids) and status = 'DONE' and completed_at >= :since
				  and (reached = false or satisfaction <= :low)
				order by completed_at, id""")
			.param("ids", customerIds)
			.param("since", Timestamp.from(since))
			.param("low", lowScore)
			.query((rs, row) -> new VisitFact(rs.getLong("id"), rs.getLong("customer_id"),
					rs.getTimestamp("completed_at").toInstant(), rs.getBoolean("reached"),
					(Integer) rs.getObject("satisfaction", Integer.class)))
			.list();
	}

}
