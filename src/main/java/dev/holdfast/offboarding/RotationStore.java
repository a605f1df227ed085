package dev.holdfast.offboarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.VisibleCustomers;

/**
 * The rotation tables: plans, their customers with notes, and what became of each. A note
 * is never changed and an item once done stays as it is (the database refuses otherwise,
 * V58).
 */
@Component
class RotationStore {

	private static final String PLAN = """
			select p.id, p.from_employee_id, f.display_name, p.to_employee_id, t.display_name, p.rotate_on, p.reason,
			       p.status, p.planned_by, b.display_name, p.planned_at, p.finished_at, p.cancel_reason,
			       (select count(*) from rotation_item i where i.plan_id = p.id),
			       (select count(*) from rotation_item i where i.plan_id = p.id and i.outcome = 'ROTATED'),
			       (select count(*) from rotation_item i where i.plan_id = p.id and i.outcome = 'ALREADY_MOVED')
			from rotation_plan p join employee_directory f on f.id = p.from_employee_id
			join employee_directory t on t.id = p.to_employee_id join employee_directory b on b.id = p.planned_by
			""";

	private final JdbcClient jdbc;

	private final HandoverVisits visits;

	RotationStore(JdbcClient jdbc, HandoverVisits visits) {
		this.jdbc = jdbc;
		this.visits = visits;
	}

	/** The notes of the rotations that moved the customer, newest first. */
	List<RotationNoteView> notesOfCustomer(long customerId) {
		return this.jdbc.sql("""
				select p.id, f.display_name, t.display_name, i.done_at, i.note
				from rotation_item i join rotation_plan p on p.id = i.plan_id
				join employee_directory f on f.id = p.from_employee_id
				join employee_directory t on t.id = p.to_employee_id
				where i.customer_id = ? and i.outcome = 'ROTATED' order by i.done_at desc, p.id desc""")
			.param(customerId)
			.query((rs, row) -> new RotationNoteView(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}

	/** A plan's row, with its counts and names. */
	record Plan(long id, long fromEmployeeId, String fromName, long toEmployeeId, String toName, LocalDate rotateOn,
			String reason, RotationStatus status, long plannedBy, String plannedByName, Instant plannedAt,
			Instant finishedAt, String cancelReason, int customers, long rotated, long alreadyMoved) {
	}

	long insert(RotationForm form, long by) {
		long id = this.jdbc.sql("""
				insert into rotation_plan (from_employee_id, to_employee_id, rotate_on, reason, planned_by)
				values (?, ?, ?, ?, ?) returning id""")
			.params(form.fromEmployeeId(), form.toEmployeeId(), form.rotateOn(), blankToNull(form.reason()), by)
			.query(Long.class)
			.single();
		this.jdbc
			.sql("""
					insert into rotation_item (plan_id, customer_id, note)
					select :plan, i.customer, i.note from unnest(:customers::bigint[], :notes::varchar[]) as i (customer, note)""")
			.param("plan", id)
			.param("customers", form.customers().stream().map(RotationForm.Customer::customerId).toArray(Long[]::new))
			.param("notes", form.customers().stream().map(c -> c.note().strip()).toArray(String[]::new))
			.update();
		return id;
	}

	/** Those of the customers that a plan not yet carried out or cancelled holds. */
	List<Long> inOpenPlans(List<Long> customerIds) {
		return this.jdbc
			.sql("select customer_id from rotation_item where done_at is null and customer_id in (:ids) order by 1")
			.param("ids", customerIds)
			.query(Long.class)
			.list();
	}

	Optional<Plan> plan(long id) {
		return this.jdbc.sql(PLAN + " where p.id = ?").param(id).query(RotationStore::plan).optional();
	}

	/**
	 * The plans an employee is a rep of, and with {@code managed} those whose reps the
	 * caller's data scope covers or they planned; newest first.
	 */
	List<RotationView> list(long me, VisibleCustomers.Owners managed, int limit) {
		boolean manager = managed != null;
		boolean all = manager && managed.all();
		Long[] owners = manager ? managed.ids().toArray(Long[]::new) : new Long[0];
		return this.jdbc.sql(PLAN + """
				where p.from_employee_id = :me or p.to_employee_id = :me
				   or (:manager and (:all or p.planned_by = :me or p.from_employee_id = any(:owners::bigint[])
				                     or p.to_employee_id = any(:owners::bigint[])))
				order by p.planned_at desc, p.id desc limit :limit""")
			.param("me", me)
			.param("manager", manager)
			.param("all", all)
			.param("owners", owners)
			.param("limit", limit)
			.query(RotationStore::plan)
			.list()
			.stream()
			.map(p -> view(p, 0, List.of()))
			.toList();
	}

	/** The plan with the customers the filter lets its reader see. */
	RotationView view(Plan plan, VisibleCustomers.Filter visible) {
		Map<String, Object> params = new HashMap<>(visible.params());
		params.put("plan", plan.id());
		List<RotationView.Item> items = this.jdbc.sql("""
				select i.customer_id, c.name, c.level, i.note, i.outcome, i.done_at
				from rotation_item i join customer_directory c on c.id = i.customer_id
				where i.plan_id = :plan and (%s) order by c.name, i.customer_id""".formatted(visible.sql()))
			.params(params)
			.query((rs, row) -> new RotationView.Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), instant(rs.getTimestamp(6))))
			.list();
		return view(plan, this.visits.scheduledFor(CustomersRotated.sourceOf(plan.id())), items);
	}

	private static RotationView view(Plan p, long careVisits, List<RotationView.Item> items) {
		return new RotationView(p.id(), p.fromEmployeeId(), p.fromName(), p.toEmployeeId(), p.toName(), p.rotateOn(),
				p.reason(), p.status(), p.plannedBy(), p.plannedByName(), p.plannedAt(), p.finishedAt(),
				p.cancelReason(), p.customers(), p.rotated(), p.alreadyMoved(), careVisits, items);
	}

	boolean cancel(long id, long by, String reason) {
		int changed = this.jdbc.sql("""
				update rotation_plan set status = 'CANCELLED', cancelled_by = ?, cancel_reason = ?, finished_at = now()
				where id = ? and status = 'PLANNED'""").params(by, blankToNull(reason), id).update();
		if (changed == 1) {
			this.jdbc.sql("""
					update rotation_item set done_at = now(), outcome = 'CANCELLED'
					where plan_id = ? and done_at is null""").param(id).update();
		}
		return changed == 1;
	}

	/** The customers the rep owns that the filter lets the caller see, by name. */
	List<Rotations.Owned> owned(long ownerId, VisibleCustomers.Filter visible, int limit) {
		Map<String, Object> params = new HashMap<>(visible.params());
		params.put("owner", ownerId);
		params.put("limit", limit);
		return this.jdbc.sql("""
				select c.id, c.name, c.level from customer_directory c
				where c.owner_id = :owner and c.archived_at is null and c.canary_owner_id is null and (%s)
				order by c.level, c.name, c.id limit :limit""".formatted(visible.sql()))
			.params(params)
			.query((rs, row) -> new Rotations.Owned(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** The plans whose day has come and that are not finished, oldest first. */
	List<Long> due(LocalDate today) {
		return this.jdbc.sql("""
				select id from rotation_plan where status in ('PLANNED', 'RUNNING') and rotate_on <= ?
				order by rotate_on, id""").param(today).query(Long.class).list();
	}

	private static Plan plan(ResultSet rs, int row) throws SQLException {
		return new Plan(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getObject(6, LocalDate.class), rs.getString(7), RotationStatus.valueOf(rs.getString(8)),
				rs.getLong(9), rs.getString(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)),
				rs.getString(13), rs.getInt(14), rs.getLong(15), rs.getLong(16));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
