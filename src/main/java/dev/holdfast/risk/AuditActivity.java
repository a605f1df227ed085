package dev.holdfast.risk;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sums of every {@link Indicator} per employee over a time range, in one query over the
 * audit trail (served by the index on actor, action and time).
 */
@Component
class AuditActivity {

	private static final String SUMS = Stream.of(Indicator.values())
		.map(i -> "coalesce(sum(" + i.value() + ") filter (where " + i.predicate() + "), 0) as " + i.name())
		.collect(Collectors.joining(",\n"));

	private final JdbcClient jdbc;

	private final RiskProperties properties;

	AuditActivity(JdbcClient jdbc, RiskProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * The amount of each indicator per employee in (from, to]; employees without any are
	 * left out.
	 */
	Map<Long, double[]> sums(Collection<Long> employeeIds, Instant from, Instant to) {
		Map<Long, double[]> sums = new HashMap<>();
		if (employeeIds.isEmpty()) {
			return sums;
		}
		query("select a.actor_id as key, " + SUMS + """

				from audit_event a
				where a.actor_id in (:ids) and a.occurred_at > :from and a.occurred_at <= :to
				group by a.actor_id""", employeeIds, from, to).query(rs -> {
			sums.put(rs.getLong("key"), amounts(rs));
		});
		return sums;
	}

	/** The amount of each indicator per day (in the company's zone) of one employee. */
	Map<LocalDate, double[]> daily(long employeeId, Instant from, Instant to) {
		Map<LocalDate, double[]> days = new TreeMap<>();
		query("select (a.occurred_at at time zone :zone)::date as key, " + SUMS + """

				from audit_event a
				where a.actor_id in (:ids) and a.occurred_at > :from and a.occurred_at <= :to
				group by 1""", java.util.List.of(employeeId), from, to).query(rs -> {
			days.put(rs.getObject("key", LocalDate.class), amounts(rs));
		});
		return days;
	}

	private JdbcClient.StatementSpec query(String sql, Collection<Long> ids, Instant from, Instant to) {
		return this.jdbc.sql(sql)
			.param("ids", ids)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("zone", this.properties.zone().getId())
			.param("workStart", this.properties.workStartHour())
			.param("workEnd", this.properties.workEndHour());
	}

	private static double[] amounts(java.sql.ResultSet rs) throws java.sql.SQLException {
		double[] amounts = new double[Indicator.values().length];
		for (Indicator indicator : Indicator.values()) {
			amounts[indicator.ordinal()] = rs.getDouble(indicator.name());
		}
		return amounts;
	}

}
