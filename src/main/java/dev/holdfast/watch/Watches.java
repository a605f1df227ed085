package dev.holdfast.watch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The watch's tables: watches, their customers and their signals, each recorded once. */
@Component
class Watches {

	private static final String SELECT = """
			select employee_id, case_id, manager_id, last_working_day, ends_on, started_at, status, ended_at,
			       last_alert_at, digest_month
			from departure_watch
			""";

	/** A signal as stored, before it is named for a reader. */
	record StoredSignal(long id, Long customerId, SignalKind kind, Instant occurredAt, String detail) {
	}

	private final JdbcClient jdbc;

	Watches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Starts the watch unless there is one; whether this call started it. */
	boolean start(long employeeId, Long caseId, Long managerId, LocalDate lastWorkingDay, LocalDate endsOn,
			Instant startedAt, Collection<Long> customerIds) {
		int started = this.jdbc.sql("""
				insert into departure_watch (employee_id, case_id, manager_id, last_working_day, ends_on, started_at)
				values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(employeeId, caseId, managerId, lastWorkingDay, endsOn, Timestamp.from(startedAt))
			.update();
		if (started == 0) {
			return false;
		}
		for (Long customerId : customerIds) {
			this.jdbc.sql("insert into departure_watch_customer (employee_id, customer_id) values (?, ?)")
				.params(employeeId, customerId)
				.update();
		}
		return true;
	}

	boolean exists(long employeeId) {
		return this.jdbc.sql("select exists (select 1 from departure_watch where employee_id = ?)")
			.param(employeeId)
			.query(Boolean.class)
			.single();
	}

	Optional<Watch> find(long employeeId) {
		return this.jdbc.sql(SELECT + " where employee_id = ?").param(employeeId).query(Watches::watch).optional();
	}

	/** The active watches, locked for this run; those another run holds are skipped. */
	List<Watch> lockActive() {
		return this.jdbc.sql(SELECT + " where status = 'ACTIVE' order by employee_id for update skip locked")
			.query(Watches::watch)
			.list();
	}

	/** The active watches that include the customer. */
	List<Watch> activeWith(long customerId) {
		return this.jdbc.sql(SELECT + """
				where status = 'ACTIVE' and employee_id in
				    (select employee_id from departure_watch_customer where customer_id = ?)""")
			.param(customerId)
			.query(Watches::watch)
			.list();
	}

	List<Watch> all() {
		return this.jdbc.sql(SELECT + " order by status, started_at desc").query(Watches::watch).list();
	}

	List<Long> customers(long employeeId) {
		return this.jdbc
			.sql("select customer_id from departure_watch_customer where employee_id = ? order by customer_id")
			.param(employeeId)
			.query(Long.class)
			.list();
	}

	/**
	 * Records the signal unless it is known (same kind and source); whether it is new.
	 */
	boolean record(long employeeId, Long customerId, SignalKind kind, String source, Instant occurredAt, String detail,
			Instant now) {
		return this.jdbc.sql("""
				insert into departure_watch_signal (employee_id, customer_id, kind, source, occurred_at, recorded_at,
				                                    detail)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(employeeId, customerId, kind.name(), source, Timestamp.from(occurredAt), Timestamp.from(now),
					detail)
			.update() > 0;
	}

	List<StoredSignal> signals(long employeeId) {
		return this.jdbc.sql("""
				select id, customer_id, kind, occurred_at, detail from departure_watch_signal
				where employee_id = ? order by occurred_at desc, id desc""")
			.param(employeeId)
			.query((rs, row) -> new StoredSignal(rs.getLong("id"), (Long) rs.getObject("customer_id"),
					SignalKind.valueOf(rs.getString("kind")), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("detail")))
			.list();
	}

	/** How many customers had a signal in [from, to). */
	int customersWithSignals(long employeeId, Instant from, Instant to) {
		return this.jdbc.sql("""
				select count(distinct customer_id) from departure_watch_signal
				where employee_id = ? and customer_id is not null and occurred_at >= ? and occurred_at < ?""")
			.params(employeeId, Timestamp.from(from), Timestamp.from(to))
			.query(Integer.class)
			.single();
	}

	/** How many signals in [from, to). */
	int signalCount(long employeeId, Instant from, Instant to) {
		return this.jdbc.sql("""
				select count(*) from departure_watch_signal
				where employee_id = ? and occurred_at >= ? and occurred_at < ?""")
			.params(employeeId, Timestamp.from(from), Timestamp.from(to))
			.query(Integer.class)
			.single();
	}

	int signalCount(long employeeId) {
		return this.jdbc.sql("select count(*) from departure_watch_signal where employee_id = ?")
			.param(employeeId)
			.query(Integer.class)
			.single();
	}

	void alerted(long employeeId, Instant now) {
		this.jdbc.sql("update departure_watch set last_alert_at = ? where employee_id = ?")
			.params(Timestamp.from(now), employeeId)
			.update();
	}

	/** Marks the month's digest sent; false if it was already. */
	boolean digestSent(long employeeId, String month) {
		return this.jdbc.sql("""
				update departure_watch set digest_month = ?
				where employee_id = ? and digest_month is distinct from ?""")
			.params(month, employeeId, month)
			.update() > 0;
	}

	void end(long employeeId, Instant now) {
		this.jdbc.sql(
				"update departure_watch set status = 'ENDED', ended_at = ? where employee_id = ? and status = 'ACTIVE'")
			.params(Timestamp.from(now), employeeId)
			.update();
	}

	private static Watch watch(ResultSet rs, int row) throws SQLException {
		Timestamp ended = rs.getTimestamp("ended_at");
		Timestamp alerted = rs.getTimestamp("last_alert_at");
		return new Watch(rs.getLong("employee_id"), (Long) rs.getObject("case_id"), (Long) rs.getObject("manager_id"),
				rs.getObject("last_working_day", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getTimestamp("started_at").toInstant(), WatchStatus.valueOf(rs.getString("status")),
				ended == null ? null : ended.toInstant(), alerted == null ? null : alerted.toInstant(),
				rs.getString("digest_month"));
	}

}
