package dev.holdfast.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.HoldfastClock;

/**
 * Sums of every {@link Indicator} per employee over a time range, in one query over the
 * audit trail (served by the index on actor, action and time).
 */
@Component
class AuditActivity {

	private static final String SUMS = Stream.of(Indicator.values())
		.map(i -> "coalesce(sum(" + i.value() + ") filter (where " + i.predicate() + "), 0) as " + i.name())
		.collect(Collectors.joining(",\n"));

	private static final String READING = "'CUSTOMER_DATA_READ', 'CONTACT_REVEALED', 'EXPORT_REQUESTED'";

	private final JdbcClient jdbc;

	private final RiskProperties properties;

	private final HoldfastClock clock;

	private final RiskWeights weights;

	AuditActivity(JdbcClient jdbc, RiskProperties properties, RiskWeights weights, HoldfastClock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.properties = properties;
		this.weights = weights;
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
				group by 1""", List.of(employeeId), from, to).query(rs -> {
			days.put(rs.getObject("key", LocalDate.class), amounts(rs));
		});
		return days;
	}

	/**
	 * Reading events (views, lists, reveals, exports) per hour of the day before the
	 * instant, oldest first.
	 */
	double[] hourly(long employeeId, Instant now) {
		double[] hours = new double[24];
		this.jdbc
			.sql("""
					select floor(extract(epoch from cast(:now as timestamptz) - a.occurred_at) / 3600)::int as ago, count(*) as amount
					from audit_event a
					where a.actor_id = :id and a.occurred_at > :from and a.occurred_at <= :now
					  and a.action in (%s)
					group by 1"""
				.formatted(READING))
			.param("id", employeeId)
			.param("from", Timestamp.from(now.minus(Duration.ofDays(1))))
			.param("now", Timestamp.from(now))
			.query(rs -> {
				hours[23 - Math.min(23, rs.getInt("ago"))] = rs.getDouble("amount");
			});
		return hours;
	}

	/** Reading events per hour over the 30 days before the last day. */
	double hourlyBaseline(long employeeId, Instant now) {
		Instant until = now.minus(Duration.ofDays(1));
		return this.jdbc
			.sql("""
					select count(*) from audit_event a
					where a.actor_id = :id and a.occurred_at > :from and a.occurred_at <= :until and a.action in (%s)"""
				.formatted(READING))
			.param("id", employeeId)
			.param("from", Timestamp.from(until.minus(RiskScoring.BASELINE)))
			.param("until", Timestamp.from(until))
			.query(Long.class)
			.single() / (double) RiskScoring.BASELINE.toHours();
	}

	private JdbcClient.StatementSpec query(String sql, Collection<Long> ids, Instant from, Instant to) {
		return this.jdbc.sql(sql)
			.param("ids", ids)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("zone", this.clock.zone().getId())
			.param("workStart", this.properties.workStartHour())
			.param("workEnd", this.properties.workEndHour())
			.param("contactLevels", this.weights.contactLevelsJson());
	}

	private static double[] amounts(ResultSet rs) throws SQLException {
		double[] amounts = new double[Indicator.values().length];
		for (Indicator indicator : Indicator.values()) {
			amounts[indicator.ordinal()] = rs.getDouble(indicator.name());
		}
		return amounts;
	}

}
