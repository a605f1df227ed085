package dev.holdfast.offboarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The company's departure checklist in the database: its items and their ticks per case.
 */
@Component
class CompanyChecks {

	private static final String ITEM = """
			select id, title, responsible_role, required, position, created_at, retired_at
			from offboarding_checklist_item
			""";

	private final JdbcClient jdbc;

	CompanyChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every item, retired ones too, in list order. */
	List<Row> items() {
		return this.jdbc.sql(ITEM + " order by position, id").query(CompanyChecks::item).list();
	}

	Optional<Row> item(long id) {
		return this.jdbc.sql(ITEM + " where id = ?").param(id).query(CompanyChecks::item).optional();
	}

	long create(CompanyCheckItemForm form, int position, Instant at, long by) {
		return this.jdbc
			.sql("""
					insert into offboarding_checklist_item (title, responsible_role, required, position, created_at, created_by)
					values (?, ?, ?, ?, ?, ?) returning id""")
			.params(form.title().strip(), form.responsibleRole().strip(), form.required(), position, Timestamp.from(at),
					by)
			.query(Long.class)
			.single();
	}

	int nextPosition() {
		return this.jdbc.sql("select coalesce(max(position) + 1, 0) from offboarding_checklist_item")
			.query(Integer.class)
			.single();
	}

	/** Retires an item; false if it was retired already. */
	boolean retire(long id, Instant at, long by) {
		return this.jdbc.sql("""
				update offboarding_checklist_item set retired_at = ?, retired_by = ?
				where id = ? and retired_at is null""").params(Timestamp.from(at), by, id).update() == 1;
	}

	/**
	 * The items of a case with their ticks: every item ticked on it, and the items in
	 * force (not retired) while it is not closed, or at the moment it was closed.
	 */
	List<Tick> ofCase(long caseId, Instant closedAt) {
		Timestamp until = closedAt == null ? null : Timestamp.from(closedAt);
		return this.jdbc.sql("""
				select i.id, i.title, i.responsible_role, i.required, i.position, i.created_at, i.retired_at,
				       t.ticked_by, t.ticked_at, t.note
				from offboarding_checklist_item i
				left join offboarding_checklist_tick t on t.item_id = i.id and t.case_id = :case
				where t.item_id is not null
				   or (i.created_at <= coalesce(:until, 'infinity'::timestamptz)
				       and (i.retired_at is null or i.retired_at > coalesce(:until, 'infinity'::timestamptz)))
				order by i.position, i.id""")
			.param("case", caseId)
			.param("until", until)
			.query((rs, n) -> new Tick(item(rs, n), rs.getObject("ticked_by", Long.class), instant(rs, "ticked_at"),
					rs.getString("note")))
			.list();
	}

	/** Ticks an item on a case; false if it was ticked already. */
	boolean tick(long caseId, long itemId, long by, Instant at, String note) {
		return this.jdbc.sql("""
				insert into offboarding_checklist_tick (case_id, item_id, ticked_by, ticked_at, note)
				values (?, ?, ?, ?, ?) on conflict do nothing""")
			.params(caseId, itemId, by, Timestamp.from(at), note)
			.update() == 1;
	}

	/** Takes a tick back; false if there was none. */
	boolean untick(long caseId, long itemId) {
		return this.jdbc.sql("delete from offboarding_checklist_tick where case_id = ? and item_id = ?")
			.params(caseId, itemId)
			.update() == 1;
	}

	private static Row item(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("title"), rs.getString("responsible_role"),
				rs.getBoolean("required"), rs.getInt("position"), instant(rs, "created_at"), instant(rs, "retired_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	/** An item as stored. */
	record Row(long id, String title, String responsibleRole, boolean required, int position, Instant createdAt,
			Instant retiredAt) {

		boolean retired() {
			return this.retiredAt != null;
		}

	}

	/** An item of a case, with who ticked it and when (null while nobody did). */
	record Tick(Row item, Long tickedBy, Instant tickedAt, String note) {

		boolean ticked() {
			return this.tickedAt != null;
		}

	}

}
