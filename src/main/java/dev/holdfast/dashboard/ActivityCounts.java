package dev.holdfast.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.followup.FollowUpQueries;
import dev.holdfast.organization.OrganizationManagement;

/**
 * What happened in a period, counted per week: follow-ups per author (asked of followup's
 * {@link FollowUpQueries}) and the public pool's moves (partial index on the pool kinds
 * of the ownership history, by time).
 */
@Component
class ActivityCounts {

	private final JdbcClient jdbc;

	private final FollowUpQueries followUps;

	private final OrganizationManagement organization;

	ActivityCounts(JdbcClient jdbc, FollowUpQueries followUps, OrganizationManagement organization) {
		this.jdbc = jdbc;
		this.followUps = followUps;
		this.organization = organization;
	}

	/**
	 * @param employees the authors counted, {@code null} for all
	 */
	List<DashboardReport.RepWeeks> followUps(Set<Long> employees, Period period) {
		List<LocalDate> weeks = period.weeks();
		List<FollowUpQueries.AuthorWeek> counted = this.followUps.perAuthorAndWeek(employees,
				period.start().toInstant(), period.end().toInstant(), period.zone());
		Map<Long, String> names = this.organization
			.displayNames(counted.stream().map(FollowUpQueries.AuthorWeek::authorId).distinct().toList());
		Map<Long, List<Long>> perWeek = new HashMap<>();
		for (FollowUpQueries.AuthorWeek count : counted) {
			List<Long> rep = perWeek.computeIfAbsent(count.authorId(),
					key -> new ArrayList<>(Collections.nCopies(weeks.size(), 0L)));
			int week = weeks.indexOf(count.week());
			if (week >= 0) {
				rep.set(week, count.count());
			}
		}
		return perWeek.entrySet()
			.stream()
			.filter(e -> names.containsKey(e.getKey()))
			.sorted(Comparator.comparing((Map.Entry<Long, List<Long>> e) -> names.get(e.getKey()))
				.thenComparing(Map.Entry::getKey))
			.map(e -> new DashboardReport.RepWeeks(e.getKey(), names.get(e.getKey()), e.getValue(),
					e.getValue().stream().mapToLong(Long::longValue).sum()))
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

	/** Pool moves per kind and week; only {@code :employees}' unless for everyone. */
	static String poolSql(boolean everyone) {
		return """
				select h.kind, (date_trunc('week', h.changed_at at time zone :zone))::date as week, count(*) as n
				from customer_owner_change h
				where h.kind in ('POOL_RETURN', 'CLAIM', 'POOL_ASSIGN') and h.changed_at >= :start and h.changed_at < :end %s
				group by h.kind, week"""
			.formatted(everyone ? "" : """
					and (case when h.kind = 'POOL_RETURN' then h.old_owner_id else h.new_owner_id end)
					    = any(cast(:employees as bigint[]))""");
	}

}
