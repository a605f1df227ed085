package dev.holdfast.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.VisibleCustomers;

/**
 * Reads and writes complaints and their status history; display names are filled in by
 * {@link Complaints}.
 */
@Component
class ComplaintRows {

	private static final String SELECT = """
			select p.id, p.customer_id, c.name as customer_name, p.summary, p.details, p.severity, p.channel, p.status,
			       p.created_at, p.created_by, p.updated_at, p.closed_at
			from complaint p join customer_directory c on c.id = p.customer_id
			""";

	private final JdbcClient jdbc;

	ComplaintRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long customerId, ComplaintForm form, long by) {
		long id = this.jdbc.sql("""
				insert into complaint (customer_id, summary, details, severity, channel, created_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(customerId, form.summary().strip(),
					form.details() == null || form.details().isBlank() ? null : form.details().strip(), form.severity(),
					form.channel(), by)
			.query(Long.class)
			.single();
		addTransition(id, null, ComplaintStatus.OPEN, null, by);
		return id;
	}

	/**
	 * Moves the complaint if it is still in {@code from}; false if it changed meanwhile.
	 */
	boolean move(long id, ComplaintStatus from, ComplaintStatus to) {
		return this.jdbc.sql("""
				update complaint set status = :to, updated_at = now(),
				       closed_at = case when :to = 'CLOSED' then now() else null end
				where id = :id and status = :from""")
			.param("to", to.name())
			.param("id", id)
			.param("from", from.name())
			.update() == 1;
	}

	long addTransition(long id, ComplaintStatus from, ComplaintStatus to, String note, long by) {
		return this.jdbc.sql("""
				insert into complaint_transition (complaint_id, from_status, to_status, note, by_id)
				values (?, ?, ?, ?, ?) returning id""")
			.params(id, from == null ? null : from.name(), to.name(), note, by)
			.query(Long.class)
			.single();
	}

	Optional<ComplaintView> find(long id) {
		return this.jdbc.sql(SELECT + " where p.id = ?").param(id).query(ComplaintRows::view).optional();
	}

	List<ComplaintView> ofCustomer(long customerId) {
		return this.jdbc.sql(SELECT + " where p.customer_id = ? order by p.created_at desc, p.id desc")
			.param(customerId)
			.query(ComplaintRows::view)
			.list();
	}

	/** Complaints on customers the filter lets through, newest first. */
	List<ComplaintView> visible(VisibleCustomers.Filter filter, ComplaintStatus status, int limit) {
		Map<String, Object> params = new HashMap<>(filter.params());
		params.put("limit", limit);
		String where = " where " + filter.sql();
		if (status != null) {
			where += " and p.status = :status";
			params.put("status", status.name());
		}
		return this.jdbc.sql(SELECT + where + " order by p.created_at desc, p.id desc limit :limit")
			.params(params)
			.query(ComplaintRows::view)
			.list();
	}

	/** The history of each complaint, oldest first, without names. */
	Map<Long, List<ComplaintView.Transition>> histories(List<Long> ids) {
		Map<Long, List<ComplaintView.Transition>> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				select complaint_id, from_status, to_status, note, at, by_id from complaint_transition
				where complaint_id = any(?) order by complaint_id, id""").param(ids.toArray(Long[]::new)).query(rs -> {
			String from = rs.getString(2);
			found.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
				.add(new ComplaintView.Transition(from == null ? null : ComplaintStatus.valueOf(from),
						ComplaintStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant(),
						rs.getLong(6), null));
		});
		return found;
	}

	private static ComplaintView view(ResultSet rs, int row) throws SQLException {
		ComplaintStatus status = ComplaintStatus.valueOf(rs.getString("status"));
		return new ComplaintView(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer_name"),
				rs.getString("summary"), rs.getString("details"), rs.getString("severity"), rs.getString("channel"),
				status, instant(rs.getTimestamp("created_at")), rs.getLong("created_by"), null,
				instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("closed_at")), List.of(),
				status.next());
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
