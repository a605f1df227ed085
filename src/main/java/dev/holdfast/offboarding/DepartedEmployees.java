package dev.holdfast.offboarding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The departures of the offboarding cases, for the post-departure watch: a query API of
 * the owner of {@code offboarding_case}. Callers decide who may see them. A departure
 * without a case (nobody up the line, or the identity provider's) has no last working day
 * and is not listed.
 */
@Service
public class DepartedEmployees {

	private static final String SELECT = """
			select distinct on (employee_id) id, employee_id, manager_id, last_working_day, departed_at
			from offboarding_case
			where status = 'DEPARTED' and departed_at is not null
			""";

	private final JdbcClient jdbc;

	DepartedEmployees(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every employee whose latest departed case ended at or before the instant. */
	@Transactional(readOnly = true)
	public List<Departure> departedBy(Instant at) {
		return this.jdbc.sql(SELECT + " and departed_at <= ? order by employee_id, departed_at desc")
			.param(java.sql.Timestamp.from(at))
			.query(DepartedEmployees::departure)
			.list();
	}

	/** The employee's latest departure, if they left through a case. */
	@Transactional(readOnly = true)
	public Optional<Departure> of(long employeeId) {
		return this.jdbc.sql(SELECT + " and employee_id = ? order by employee_id, departed_at desc")
			.param(employeeId)
			.query(DepartedEmployees::departure)
			.optional();
	}

	private static Departure departure(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Departure(rs.getLong("id"), rs.getLong("employee_id"), rs.getLong("manager_id"),
				rs.getObject("last_working_day", java.time.LocalDate.class),
				rs.getTimestamp("departed_at").toInstant());
	}

}
