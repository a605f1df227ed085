package dev.holdfast.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditActivity;

/**
 * What risk needs to know about employees: their status, their peers (sharing a role),
 * their reporting lines. Read-only queries over the organisation's tables.
 */
@Component
class RiskSubjects {

	/** What makes someone worth watching: reading, and being slowed down. */
	private static final Set<AuditAction> WATCHED = Set.of(AuditAction.CUSTOMER_DATA_READ, AuditAction.CONTACT_REVEALED,
			AuditAction.EXPORT_REQUESTED, AuditAction.RATE_LIMITED);

	private final JdbcClient jdbc;

	private final AuditActivity activity;

	RiskSubjects(JdbcClient jdbc, AuditActivity activity) {
		this.jdbc = jdbc;
		this.activity = activity;
	}

	Optional<Subject> find(long employeeId) {
		return this.jdbc.sql("select id, display_name, status from employee_directory where id = ?")
			.param(employeeId)
			.query((rs, n) -> new Subject(rs.getLong("id"), rs.getString("display_name"),
					"LEAVING".equals(rs.getString("status"))))
			.optional();
	}

	/** Employees sharing at least one role with the employee, still employed. */
	List<Long> peers(long employeeId) {
		return this.jdbc.sql("""
				select distinct o.employee_id from role_assignment mine
				join role_assignment o on o.role_id = mine.role_id and o.employee_id <> mine.employee_id
				join employee_directory e on e.id = o.employee_id and e.status <> 'DEPARTED'
				where mine.employee_id = ?""").param(employeeId).query(Long.class).list();
	}

	/** The employee's managers, up the reporting line. */
	List<Long> managers(long employeeId) {
		return this.jdbc.sql("""
				with recursive up (id, depth) as (
				    select manager_id, 1 from employee_directory where id = ? and manager_id is not null
				    union
				    select e.manager_id, up.depth + 1 from employee_directory e join up on e.id = up.id
				    where e.manager_id is not null and up.depth < 50)
				select id from up""").param(employeeId).query(Long.class).list();
	}

	/** Whether the manager is somewhere above the employee in the reporting line. */
	boolean isAbove(long managerId, long employeeId) {
		return managers(employeeId).contains(managerId);
	}

	/** Whether anyone reports to the employee. */
	boolean hasReports(long employeeId) {
		return this.jdbc.sql("select exists (select 1 from employee_directory where manager_id = ?)")
			.param(employeeId)
			.query(Boolean.class)
			.single();
	}

	/** Employees below the manager in the reporting line. */
	List<Long> reports(long managerId) {
		return this.jdbc.sql("""
				with recursive down (id, depth) as (
				    select id, 1 from employee_directory where manager_id = ?
				    union
				    select e.id, down.depth + 1 from employee_directory e join down on e.manager_id = down.id
				    where down.depth < 50)
				select id from down""").param(managerId).query(Long.class).list();
	}

	/** Employees with audited activity since the instant: the ones worth evaluating. */
	List<Long> activeSince(Instant since) {
		return this.activity.actorsSince(since);
	}

	/**
	 * Employees worth a row on the risk page: reading in the last day, an open alert, or
	 * a suspension in force; the busiest first.
	 */
	List<Long> watched(Instant now, int limit) {
		Map<Long, Long> weight = new HashMap<>(this.activity.countsByActor(WATCHED, now.minus(Duration.ofDays(1))));
		this.jdbc.sql("""
				select employee_id from risk_alert where status = 'OPEN'
				union all
				select employee_id from risk_suspension where lifted_at is null""")
			.query(Long.class)
			.list()
			.forEach(id -> weight.merge(id, 1_000_000L, Long::sum));
		return weight.entrySet()
			.stream()
			.sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(limit)
			.map(Map.Entry::getKey)
			.toList();
	}

	/** Employees serving notice who have no look-back report yet. */
	List<Long> leavingWithoutLookback() {
		return this.jdbc.sql("""
				select e.id from employee_directory e
				where e.status = 'LEAVING' and not exists (select 1 from risk_lookback l where l.employee_id = e.id)""")
			.query(Long.class)
			.list();
	}

	record Subject(long id, String displayName, boolean leaving) {
	}

}
