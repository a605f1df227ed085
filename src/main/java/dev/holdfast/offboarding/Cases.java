package dev.holdfast.offboarding;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.HoldfastClock;

/**
 * Offboarding cases in the database.
 */
@Component
class Cases {

	private static final String SELECT = """
			select id, employee_id, manager_id, status, notice_date, last_working_day, reason, created_at, created_by,
			       handover_started_at, handover_finished_at, departed_at, terminated_by, termination_reason,
			       closed_at, closed_by
			from offboarding_case
			""";

	private final JdbcClient jdbc;

	private final HoldfastClock clock;

	Cases(JdbcClient jdbc, HoldfastClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	long create(long employeeId, long managerId, ResignationForm form, long by) {
		return this.jdbc
			.sql("""
					insert into offboarding_case (employee_id, manager_id, notice_date, last_working_day, reason, created_by)
					values (?, ?, ?, ?, ?, ?) returning id""")
			.params(employeeId, managerId, Date.valueOf(form.noticeDate()), Date.valueOf(form.lastWorkingDay()),
					form.reason() == null || form.reason().isBlank() ? null : form.reason().strip(), by)
			.query(Long.class)
			.single();
	}

	Optional<OffboardingCase> find(long id) {
		return this.jdbc.sql(SELECT + " where id = ?").param(id).query(Cases::row).optional();
	}

	/** Locks the case row until the transaction ends; empty if another holds it. */
	Optional<OffboardingCase> lock(long id) {
		return this.jdbc.sql(SELECT + " where id = ? for update skip locked").param(id).query(Cases::row).optional();
	}

	/** Locks the case row until the transaction ends, waiting for whoever holds it. */
	Optional<OffboardingCase> lockWaiting(long id) {
		return this.jdbc.sql(SELECT + " where id = ? for update").param(id).query(Cases::row).optional();
	}

	/** Closes a departed case (the administrative end after the departure). */
	void closed(long id, Instant at, long by) {
		this.jdbc.sql("""
				update offboarding_case set closed_at = ?, closed_by = ?, version = version + 1
				where id = ? and status = 'DEPARTED' and closed_at is null""")
			.params(Timestamp.from(at), by, id)
			.update();
	}

	Optional<OffboardingCase> openOf(long employeeId) {
		return this.jdbc.sql(SELECT + " where employee_id = ? and status <> 'DEPARTED'")
			.param(employeeId)
			.query(Cases::row)
			.optional();
	}

	/** Every case of the employee, newest first. */
	List<OffboardingCase> ofEmployee(long employeeId) {
		return this.jdbc.sql(SELECT + " where employee_id = ? order by created_at desc, id desc")
			.param(employeeId)
			.query(Cases::row)
			.list();
	}

	List<OffboardingCase> open() {
		return this.jdbc.sql(SELECT + " where status <> 'DEPARTED' order by last_working_day, id")
			.query(Cases::row)
			.list();
	}

	List<OffboardingCase> recent(int limit) {
		return this.jdbc.sql(SELECT + " order by (status <> 'DEPARTED') desc, last_working_day desc, id desc limit ?")
			.param(limit)
			.query(Cases::row)
			.list();
	}

	/**
	 * Cases whose last working day has ended, and departed cases whose handover is not
	 * finished (a departure cut short by a crash).
	 */
	/**
	 * Cases whose handover was started and has made no progress for {@code quiet} with
	 * customers left: the instance running it died (a {@code kill -9}, a crash). Each
	 * with the employee who started it. The database's clock, which wrote the progress,
	 * measures the quiet.
	 */
	List<AbandonedHandover> abandonedHandovers(Duration quiet) {
		return this.jdbc.sql("""
				select c.id, c.handover_by from offboarding_case c
				where c.status = 'HANDING_OVER' and c.handover_started_at < now() - make_interval(secs => :quiet)
				  and exists (select 1 from handover_item i where i.case_id = c.id and i.done_at is null)
				  and not exists (select 1 from handover_item i where i.case_id = c.id
				                  and i.done_at >= now() - make_interval(secs => :quiet))
				order by c.id""")
			.param("quiet", quiet.toSeconds())
			.query((rs, n) -> new AbandonedHandover(rs.getLong(1), rs.getObject(2, Long.class)))
			.list();
	}

	record AbandonedHandover(long caseId, Long startedBy) {
	}

	List<Long> due(LocalDate today) {
		return this.jdbc
			.sql("""
					select id from offboarding_case
					where (status <> 'DEPARTED' and last_working_day < ?)
					   or (status = 'DEPARTED' and exists (select 1 from handover_item i where i.case_id = offboarding_case.id
					                                        and i.done_at is null))
					order by id""")
			.param(Date.valueOf(today))
			.query(Long.class)
			.list();
	}

	void status(long id, CaseStatus status) {
		this.jdbc.sql("update offboarding_case set status = ?, version = version + 1 where id = ?")
			.params(status.name(), id)
			.update();
	}

	void handoverStarted(long id, long by) {
		this.jdbc
			.sql("""
					update offboarding_case set status = 'HANDING_OVER', handover_started_at = coalesce(handover_started_at, now()),
					       handover_by = ?, version = version + 1
					where id = ? and status in ('NOTICE', 'HANDING_OVER', 'HANDED_OVER')""")
			.params(by, id)
			.update();
	}

	void handoverFinished(long id) {
		this.jdbc.sql("""
				update offboarding_case set status = 'HANDED_OVER', handover_finished_at = now(), version = version + 1
				where id = ? and status = 'HANDING_OVER'""").param(id).update();
	}

	/**
	 * A termination for cause ends the employment today: the last working day moves up to
	 * it (never before the notice), so that the case, the agreements' terms and the watch
	 * after departure count from the day the employment really ended.
	 */
	void departed(long id, Long terminatedBy, String terminationReason) {
		LocalDate today = this.clock.today();
		this.jdbc.sql("""
				update offboarding_case set status = 'DEPARTED', departed_at = now(), terminated_by = :by,
				       termination_reason = :reason, version = version + 1,
				       last_working_day = case when cast(:by as bigint) is null then last_working_day
				                               else greatest(notice_date, least(last_working_day, :today)) end
				where id = :id""")
			.param("by", terminatedBy)
			.param("reason", terminationReason)
			.param("today", Date.valueOf(today))
			.param("id", id)
			.update();
	}

	private static OffboardingCase row(ResultSet rs, int row) throws SQLException {
		return new OffboardingCase(rs.getLong("id"), rs.getLong("employee_id"), rs.getLong("manager_id"),
				CaseStatus.valueOf(rs.getString("status")), rs.getObject("notice_date", LocalDate.class),
				rs.getObject("last_working_day", LocalDate.class), rs.getString("reason"), instant(rs, "created_at"),
				rs.getObject("created_by", Long.class), instant(rs, "handover_started_at"),
				instant(rs, "handover_finished_at"), instant(rs, "departed_at"),
				rs.getObject("terminated_by", Long.class), rs.getString("termination_reason"), instant(rs, "closed_at"),
				rs.getObject("closed_by", Long.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
