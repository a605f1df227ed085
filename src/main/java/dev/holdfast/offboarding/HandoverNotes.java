package dev.holdfast.offboarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Handover notes: one per customer and case, the latest text in place until the leaver
 * goes. The database keeps every text in {@code handover_note_version} (a trigger appends
 * each insert and change of a note, and refuses to change or delete a kept one).
 */
@Component
class HandoverNotes {

	private static final String SELECT = """
			select n.case_id, n.customer_id, n.key_contacts, n.promises, n.open_issues, n.next_step, n.written_by,
			       e.display_name, n.written_at, n.updated_at, n.version + 1
			from handover_note n join employee_directory e on e.id = n.written_by
			""";

	private final JdbcClient jdbc;

	HandoverNotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void write(long caseId, long customerId, HandoverNoteForm form, long by) {
		this.jdbc
			.sql("""
					insert into handover_note (case_id, customer_id, key_contacts, promises, open_issues, next_step, written_by)
					values (:case, :customer, :keyContacts, :promises, :openIssues, :nextStep, :by)
					on conflict (case_id, customer_id) do update
					set key_contacts = excluded.key_contacts, promises = excluded.promises, open_issues = excluded.open_issues,
					    next_step = excluded.next_step, written_by = excluded.written_by, updated_at = now(),
					    version = handover_note.version + 1""")
			.param("case", caseId)
			.param("customer", customerId)
			.param("keyContacts", strip(form.keyContacts()))
			.param("promises", strip(form.promises()))
			.param("openIssues", strip(form.openIssues()))
			.param("nextStep", strip(form.nextStep()))
			.param("by", by)
			.update();
	}

	Optional<HandoverNoteView> find(long caseId, long customerId) {
		return this.jdbc.sql(SELECT + " where n.case_id = ? and n.customer_id = ?")
			.params(caseId, customerId)
			.query(HandoverNotes::view)
			.optional();
	}

	/**
	 * The notes of handover items (tasks), by {@code [caseId, customerId]}, in one query:
	 * a whole list of handover tasks shows them.
	 */
	Map<List<Long>, HandoverNoteView> ofItems(List<Long> itemIds) {
		Map<List<Long>, HandoverNoteView> found = new HashMap<>();
		if (!itemIds.isEmpty()) {
			this.jdbc.sql(SELECT + """
					join handover_item i on i.case_id = n.case_id and i.customer_id = n.customer_id
					where i.id in (:ids)""")
				.param("ids", itemIds)
				.query(HandoverNotes::view)
				.list()
				.forEach(note -> found.put(List.of(note.caseId(), note.customerId()), note));
		}
		return found;
	}

	/** Every note ever written about a customer, newest first. */
	List<HandoverNoteView> ofCustomer(long customerId) {
		return this.jdbc.sql(SELECT + " where n.customer_id = ? order by n.updated_at desc")
			.param(customerId)
			.query(HandoverNotes::view)
			.list();
	}

	/** Every text the note had, newest first. */
	List<HandoverNoteVersion> versions(long caseId, long customerId) {
		return this.jdbc.sql("""
				select v.revision, v.key_contacts, v.promises, v.open_issues, v.next_step, e.display_name, v.written_at
				from handover_note_version v join employee_directory e on e.id = v.written_by
				where v.case_id = ? and v.customer_id = ? order by v.revision desc""")
			.params(caseId, customerId)
			.query((rs, row) -> new HandoverNoteVersion(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	private static String strip(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static HandoverNoteView view(ResultSet rs, int row) throws SQLException {
		return new HandoverNoteView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getLong(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
				rs.getTimestamp(10).toInstant(), rs.getLong(11), rs.getLong(11) > 1);
	}

}
