package dev.holdfast.audit;

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
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.holdfast.shared.HoldfastClock;

/**
 * Who did how much, read from the audit trail: the API through which other modules (the
 * risk engine, the duplicate-check budget) count activity, with typed actions and
 * {@link ActivityMeasure}s instead of SQL of their own. Queries are served by the index
 * on actor, action and time. Times are half-open: after {@code from}, up to and including
 * {@code to}, unless a method says otherwise.
 */
@Service
public class AuditActivity {

	private final JdbcClient jdbc;

	private final HoldfastClock clock;

	AuditActivity(JdbcClient jdbc, HoldfastClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The amount of each measure (in the order given) per actor; actors without any event
	 * in the range are left out.
	 */
	public Map<Long, double[]> sums(List<ActivityMeasure> measures, Collection<Long> actorIds, Instant from,
			Instant to) {
		Map<Long, double[]> sums = new HashMap<>();
		if (actorIds.isEmpty()) {
			return sums;
		}
		query("select a.actor_id as key, " + columns(measures) + """

				from audit_event a
				where a.actor_id in (:ids) and a.occurred_at > :from and a.occurred_at <= :to
				group by a.actor_id""", actorIds, from, to).query(rs -> {
			sums.put(rs.getLong("key"), amounts(rs, measures.size()));
		});
		return sums;
	}

	/** The amount of each measure per day (in the company's zone) of one actor. */
	public Map<LocalDate, double[]> daily(List<ActivityMeasure> measures, long actorId, Instant from, Instant to) {
		Map<LocalDate, double[]> days = new TreeMap<>();
		query("select (a.occurred_at at time zone :zone)::date as key, " + columns(measures) + """

				from audit_event a
				where a.actor_id in (:ids) and a.occurred_at > :from and a.occurred_at <= :to
				group by 1""", List.of(actorId), from, to).query(rs -> {
			days.put(rs.getObject("key", LocalDate.class), amounts(rs, measures.size()));
		});
		return days;
	}

	/**
	 * The amount of each measure of one actor from the instant on (including it), e.g.
	 * since the start of the day.
	 */
	public double[] since(List<ActivityMeasure> measures, long actorId, Instant since) {
		return this.jdbc.sql("select " + columns(measures) + """

				from audit_event a
				where a.actor_id = :id and a.occurred_at >= :since""")
			.param("id", actorId)
			.param("since", Timestamp.from(since))
			.param("zone", this.clock.zone().getId())
			.query((rs, n) -> amounts(rs, measures.size()))
			.single();
	}

	/**
	 * One actor's events of the actions per hour over the day before the instant, oldest
	 * hour first.
	 */
	public double[] hourly(long actorId, Set<AuditAction> actions, Instant now) {
		double[] hours = new double[24];
		this.jdbc.sql("""
				select floor(extract(epoch from cast(:now as timestamptz) - a.occurred_at) / 3600)::int as ago,
				       count(*) as amount
				from audit_event a
				where a.actor_id = :id and a.occurred_at > :from and a.occurred_at <= :now and %s
				group by 1""".formatted(ActivityMeasure.actionIn(actions)))
			.param("id", actorId)
			.param("from", Timestamp.from(now.minus(Duration.ofDays(1))))
			.param("now", Timestamp.from(now))
			.query(rs -> {
				hours[23 - Math.min(23, rs.getInt("ago"))] = rs.getDouble("amount");
			});
		return hours;
	}

	/** How many events of the actions one actor has in the range. */
	public long count(long actorId, Set<AuditAction> actions, Instant from, Instant to) {
		return this.jdbc
			.sql("""
					select count(*) from audit_event a
					where a.actor_id = :id and a.occurred_at > :from and a.occurred_at <= :to and %s"""
				.formatted(ActivityMeasure.actionIn(actions)))
			.param("id", actorId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Long.class)
			.single();
	}

	/** Events of the actions per actor since the instant; actors without any left out. */
	public Map<Long, Long> countsByActor(Set<AuditAction> actions, Instant since) {
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.sql("""
				select a.actor_id, count(*) as amount from audit_event a
				where a.occurred_at > :since and a.actor_id is not null and %s
				group by a.actor_id""".formatted(ActivityMeasure.actionIn(actions)))
			.param("since", Timestamp.from(since))
			.query(rs -> {
				counts.put(rs.getLong("actor_id"), rs.getLong("amount"));
			});
		return counts;
	}

	/** Everyone with any audited activity after the instant. */
	public List<Long> actorsSince(Instant since) {
		return this.jdbc
			.sql("select distinct a.actor_id from audit_event a where a.occurred_at > ? and a.actor_id is not null")
			.param(Timestamp.from(since))
			.query(Long.class)
			.list();
	}

	private JdbcClient.StatementSpec query(String sql, Collection<Long> ids, Instant from, Instant to) {
		return this.jdbc.sql(sql)
			.param("ids", ids)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("zone", this.clock.zone().getId());
	}

	private static String columns(List<ActivityMeasure> measures) {
		return IntStream.range(0, measures.size())
			.mapToObj(i -> measures.get(i).sum("m" + i))
			.collect(Collectors.joining(",\n"));
	}

	private static double[] amounts(ResultSet rs, int size) throws SQLException {
		double[] amounts = new double[size];
		for (int i = 0; i < size; i++) {
			amounts[i] = rs.getDouble("m" + i);
		}
		return amounts;
	}

}
