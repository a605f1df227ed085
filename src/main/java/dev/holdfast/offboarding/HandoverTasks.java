package dev.holdfast.offboarding;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.audit.AuditAction;

/**
 * The handover tasks of the current employee: one per customer they took over, with the
 * leaver's note; done when they have taken it up.
 */
@Service
public class HandoverTasks {

	private final JdbcClient jdbc;

	private final HandoverNotes notes;

	private final AuditTrail audit;

	private final HoldfastClock clock;

	HandoverTasks(JdbcClient jdbc, HandoverNotes notes, AuditTrail audit, HoldfastClock clock) {
		this.jdbc = jdbc;
		this.notes = notes;
		this.audit = audit;
		this.clock = clock;
	}

	/** The caller's tasks, open ones first, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<HandoverTaskView> mine(int limit) {
		List<HandoverTaskView> tasks = this.jdbc
			.sql("""
					select t.id, t.case_id, t.customer_id, c.name, c.level, k.employee_id, e.display_name, t.done_at,
					       t.task_done_at, case when k.status <> 'DEPARTED' and k.last_working_day >= ? then k.last_working_day end
					from handover_item t
					join customer_directory c on c.id = t.customer_id
					join offboarding_case k on k.id = t.case_id
					join employee_directory e on e.id = k.employee_id
					where t.handed_to = ? and t.outcome = 'REASSIGNED' and c.owner_id = t.handed_to
					order by t.task_done_at nulls first, c.level, t.done_at desc limit ?""")
			.params(Date.valueOf(this.clock.today()), CurrentEmployee.id(), limit)
			.query((rs, row) -> new HandoverTaskView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getLong(6), rs.getString(7), null, rs.getTimestamp(8).toInstant(),
					rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
					rs.getObject(10, LocalDate.class)))
			.list();
		Map<List<Long>, HandoverNoteView> notes = this.notes.ofItems(tasks.stream().map(HandoverTaskView::id).toList());
		return tasks.stream().map(t -> t.withNote(notes.get(List.of(t.caseId(), t.customerId())))).toList();
	}

	/** How many of the caller's tasks are open, for the start page. */
	@Transactional(readOnly = true)
	public long openCount() {
		return this.jdbc.sql("""
				select count(*) from handover_item t join customer_directory c on c.id = t.customer_id
				where t.handed_to = ? and t.outcome = 'REASSIGNED' and c.owner_id = t.handed_to
				  and t.task_done_at is null""").param(CurrentEmployee.id()).query(Long.class).single();
	}

	/** Marks one of the caller's tasks done; someone else's task is 404. */
	@Transactional
	public void complete(long id) {
		int done = this.jdbc.sql("""
				update handover_item set task_done_at = coalesce(task_done_at, now())
				where id = ? and handed_to = ? and outcome = 'REASSIGNED'""").params(id, CurrentEmployee.id()).update();
		if (done == 0) {
			throw new NotFoundException("handover task");
		}
		this.audit.record(AuditAction.HANDOVER_TASK_DONE, "handover_item", id, Map.of());
	}

}
