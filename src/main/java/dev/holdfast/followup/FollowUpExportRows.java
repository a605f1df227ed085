package dev.holdfast.followup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups of customers an export may hold. The caller passes only customers its
 * requester may see (from {@code CustomerExportRows}), so this adds no rule of its own.
 */
@Service
public class FollowUpExportRows {

	/** One follow-up as an export shows it. */
	public record Row(long customerId, String kind, String content, String authorName, java.time.Instant createdAt) {
	}

	private final JdbcClient jdbc;

	FollowUpExportRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code max} follow-ups of these customers, newest first. */
	@Transactional(readOnly = true)
	public List<Row> of(Collection<Long> customerIds, int max) {
		List<Row> rows = new ArrayList<>();
		List<Long> ids = List.copyOf(customerIds);
		for (int from = 0; from < ids.size() && rows.size() < max; from += 1000) {
			rows.addAll(this.jdbc.sql("""
					select f.customer_id, f.kind, f.content, e.display_name, f.created_at
					from follow_up f join employee_directory e on e.id = f.author_id
					where f.customer_id in (:ids) order by f.created_at desc, f.id desc limit :max""")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.param("max", max - rows.size())
				.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getTimestamp(5).toInstant()))
				.list());
		}
		return rows;
	}

}
