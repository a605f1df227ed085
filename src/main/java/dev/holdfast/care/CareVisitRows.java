package dev.holdfast.care;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads care visits (names of customers and employees are joined in by the caller).
 */
@Component
class CareVisitRows {

	private static final String SELECT = """
			select v.id, v.customer_id, c.name as customer_name, v.reason, v.new_owner_id, v.assignee_id, v.due_on,
			       v.status, v.reached, v.outcome, v.satisfaction, v.actions, v.note, v.complaint_id, v.completed_at,
			       v.completed_by, v.created_at, v.superseded_by
			from care_visit v join customer_directory c on c.id = v.customer_id
			""";

	private final JdbcClient jdbc;

	CareVisitRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CareVisitView> ofCustomer(long customerId) {
		return this.jdbc.sql(SELECT + " where v.customer_id = ? order by v.created_at desc, v.id desc")
			.param(customerId)
			.query(CareVisitRows::view)
			.list();
	}

	List<CareVisitView> openFor(long assigneeId) {
		return this.jdbc.sql(SELECT + " where v.assignee_id = ? and v.status = 'OPEN' order by v.due_on, v.id")
			.param(assigneeId)
			.query(CareVisitRows::view)
			.list();
	}

	Optional<CareVisitView> find(long id) {
		return this.jdbc.sql(SELECT + " where v.id = ?").param(id).query(CareVisitRows::view).optional();
	}

	private static CareVisitView view(ResultSet rs, int row) throws SQLException {
		Array actions = rs.getArray("actions");
		return new CareVisitView(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer_name"),
				rs.getString("reason"), rs.getObject("new_owner_id", Long.class), null,
				rs.getObject("assignee_id", Long.class), null, rs.getObject("due_on", LocalDate.class),
				rs.getString("status"), rs.getObject("reached", Boolean.class), rs.getString("outcome"),
				rs.getObject("satisfaction", Integer.class),
				actions == null ? List.of() : List.of((String[]) actions.getArray()), rs.getString("note"),
				rs.getObject("complaint_id", Long.class),
				rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant(),
				rs.getObject("completed_by", Long.class), null, rs.getTimestamp("created_at").toInstant(), "COMPANY",
				rs.getObject("superseded_by", Long.class));
	}

}
