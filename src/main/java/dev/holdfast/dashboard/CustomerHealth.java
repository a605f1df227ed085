package dev.holdfast.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.CustomerLevel;
import dev.holdfast.followup.FollowUpRhythm;

/**
 * How the customers stand now, counted in SQL per owner: those past their follow-up
 * rhythm (one range per level on the index by owner, level and due time), and the key
 * customers that someone besides their owner (customer service, a manager) was in contact
 * with lately.
 */
@Component
class CustomerHealth {

	private final JdbcClient jdbc;

	private final FollowUpRhythm rhythm;

	CustomerHealth(JdbcClient jdbc, FollowUpRhythm rhythm) {
		this.jdbc = jdbc;
		this.rhythm = rhythm;
	}

	/**
	 * @param employees the owners counted, {@code null} for all
	 */
	List<DashboardReport.Overdue> overdue(Set<Long> employees, Instant now) {
		Map<String, Object> params = new HashMap<>();
		List<CustomerLevel> levels = new ArrayList<>();
		for (CustomerLevel level : CustomerLevel.values()) {
			this.rhythm.interval(level).ifPresent(interval -> {
				levels.add(level);
				params.put("due" + level.name(), Timestamp.from(now.minus(interval)));
			});
		}
		if (levels.isEmpty()) {
			return List.of();
		}
		params.put("employees", Ids.array(employees));
		Map<Long, DashboardReport.Overdue> owners = new LinkedHashMap<>();
		this.jdbc.sql(overdueSql(employees == null, levels)).params(params).query((rs, row) -> {
			long id = rs.getLong("owner_id");
			String name = rs.getString("display_name");
			owners.computeIfAbsent(id, key -> new DashboardReport.Overdue(key, name, new LinkedHashMap<>(), 0))
				.byLevel()
				.put(rs.getString("level"), rs.getLong("n"));
			return row;
		}).list();
		return owners.values()
			.stream()
			.map(o -> new DashboardReport.Overdue(o.employeeId(), o.name(), o.byLevel(),
					o.byLevel().values().stream().mapToLong(Long::longValue).sum()))
			.sorted((a, b) -> Long.compare(b.total(), a.total()))
			.toList();
	}

	/**
	 * Key customers covered by a completed care visit or a follow-up by someone other
	 * than their owner since {@code since}, per owner.
	 */
	List<DashboardReport.CareRow> care(Set<Long> employees, List<CustomerLevel> levels, Instant since) {
		return this.jdbc.sql(careSql(employees == null))
			.param("since", Timestamp.from(since))
			.param("levels", levels.stream().map(Enum::name).toList())
			.param("employees", Ids.array(employees))
			.query((rs, row) -> new DashboardReport.CareRow(rs.getLong("owner_id"), rs.getString("display_name"),
					rs.getLong("covered"), rs.getLong("uncovered")))
			.list();
	}

	/**
	 * Customers past their rhythm per owner and level: one condition per level with a
	 * rhythm, {@code :dueA} etc. being the instant before which a last follow-up is too
	 * old.
	 */
	static String overdueSql(boolean everyone, List<CustomerLevel> levels) {
		// the rhythm counts from the last substantive follow-up, or from creation
		String due = levels.stream()
			.map(level -> "(c.level = '%s' and coalesce(c.last_followed_up_at, c.created_at) < :due%s)"
				.formatted(level.name(), level.name()))
			.collect(Collectors.joining(" or "));
		return """
				select c.owner_id, e.display_name, c.level, count(*) as n
				from customer c join employee e on e.id = c.owner_id
				where c.archived_at is null and %s and (%s)
				group by c.owner_id, e.display_name, c.level order by e.display_name, c.owner_id"""
			.formatted(everyone ? "c.owner_id is not null" : "c.owner_id = any(cast(:employees as bigint[]))", due);
	}

	/**
	 * Key customers covered or not, per owner; only {@code :employees}' unless for
	 * everyone.
	 */
	static String careSql(boolean everyone) {
		return """
				select k.owner_id, e.display_name, count(*) filter (where k.covered) as covered,
				       count(*) filter (where not k.covered) as uncovered
				from (select c.owner_id,
				             exists (select 1 from care_visit v where v.customer_id = c.id and v.status = 'DONE'
				                     and v.completed_at >= :since)
				             or exists (select 1 from follow_up f where f.customer_id = c.id and f.created_at >= :since
				                        and f.author_id <> c.owner_id) as covered
				      from customer c
				      where c.archived_at is null and c.level in (:levels) and %s) k
				join employee e on e.id = k.owner_id
				group by k.owner_id, e.display_name order by uncovered desc, e.display_name"""
			.formatted(everyone ? "c.owner_id is not null" : "c.owner_id = any(cast(:employees as bigint[]))");
	}

}
