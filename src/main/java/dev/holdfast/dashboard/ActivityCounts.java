package dev.holdfast.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What happened in a period, counted in SQL per week: follow-ups per author (index on
 * author and time, or on time alone for everyone) and the public pool's moves (partial
 * index on the pool kinds of the ownership history, by time).
 */
@Component
class ActivityCounts {

	private final JdbcClient jdbc;

	ActivityCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param employees the authors counted, {@code null} for all
	 */
	List<DashboardReport.RepWeeks> followUps(Set<Long> employees, Period period) {
		List<LocalDate> weeks = period.weeks();
		Map<Long, DashboardReport.RepWeeks> reps = new LinkedHashMap<>();
		this.jdbc.sql(followUpsSql(employees == null)).params(params(employees, period)).query((rs, row) -> {
			long id = rs.getLong("author_id");
			String name = rs.getString("display_name");
			DashboardReport.RepWeeks rep = reps.computeIfAbsent(id, key -> new DashboardReport.RepWeeks(key, name,
					new ArrayList<>(Collections.nCopies(weeks.size(), 0L)), 0));
			int week = weeks.indexOf(rs.getObject("week", LocalDate.class));
			if (week >= 0) {
				rep.perWeek().set(week, rs.getLong("n"));
			}
			return row;
		}).list();
		return reps.values()
			.stream()
			.map(r -> new DashboardReport.RepWeeks(r.employeeId(), r.name(), r.perWeek(),
					r.perWeek().stream().mapToLong(Long::longValue).sum()))
			.toList();
	}

	/**
	 * Returns to the pool count for the owner who lost the customer, claims and
	 * assignments for the one who got it.
	 */
	DashboardReport.PoolWeeks pool(Set<Long> employees, Period period) {
		List<LocalDate> weeks = period.weeks();
		Map<String, List<Long>> series = new LinkedHashMap<>();
		for (String kind : List.of("POOL_RETURN", "CLAIM", "POOL_ASSIGN")) {
			series.put(kind, new ArrayList<>(Collections.nCopies(weeks.size(), 0L)));
		}
		this.jdbc.sql(poolSql(employees == null)).params(params(employees, period)).query((rs, row) -> {
			int week = weeks.indexOf(rs.getObject("week", LocalDate.class));
			if (week >= 0) {
				series.get(rs.getString("kind")).set(week, rs.getLong("n"));
			}
			return row;
		}).list();
		return new DashboardReport.PoolWeeks(series.get("POOL_RETURN"), series.get("CLAIM"), series.get("POOL_ASSIGN"));
	}

	static Map<String, Object> params(Set<Long> employees, Period period) {
		return Map.of("zone", period.zone().getId(), "start", period.start(), "end", period.end(), "employees",
				Ids.array(employees));
	}

	/** Follow-ups per author and week; only {@code :employees} unless for everyone. */
	static String followUpsSql(boolean everyone) {
		return """
				select f.author_id, e.display_name, (date_trunc('week', f.created_at at time zone :zone))::date as week,
				       count(*) as n
				from follow_up f join employee e on e.id = f.author_id
				where f.created_at >= :start and f.created_at < :end %s
				group by f.author_id, e.display_name, week order by e.display_name, f.author_id"""
			.formatted(everyone ? "" : "and f.author_id = any(cast(:employees as bigint[]))");
	}

	/** Pool moves per kind and week; only {@code :employees}' unless for everyone. */
	static String poolSql(boolean everyone) {
		return """
				select h.kind, (date_trunc('week', h.changed_at at time zone :zone))::date as week, count(*) as n
				from customer_owner_history h
				where h.kind in ('POOL_RETURN', 'CLAIM', 'POOL_ASSIGN') and h.changed_at >= :start and h.changed_at < :end %s
				group by h.kind, week"""
			.formatted(everyone ? "" : """
					and (case when h.kind = 'POOL_RETURN' then h.old_owner_id else h.new_owner_id end)
					    = any(cast(:employees as bigint[]))""");
	}

}
