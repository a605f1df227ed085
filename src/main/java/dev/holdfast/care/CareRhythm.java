package dev.holdfast.care;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.Portfolios;
import dev.holdfast.shared.HoldfastClock;

/**
 * Schedules care visits on each level's rhythm: a key customer with an owner, no open
 * visit and no visit done within its interval gets one, keyed by the rhythm period (e.g.
 * {@code rhythm:2026-Q4}) so that running again in the same period adds nothing. It also
 * keeps open visits' visitors able to see their customers.
 */
@Component
class CareRhythm {

	private final JdbcClient jdbc;

	private final Visitors visitors;

	private final VisitScheduling scheduling;

	private final Portfolios portfolios;

	private final CareProperties properties;

	private final HoldfastClock clock;

	CareRhythm(JdbcClient jdbc, Visitors visitors, VisitScheduling scheduling, Portfolios portfolios,
			CareProperties properties, HoldfastClock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.visitors = visitors;
		this.scheduling = scheduling;
		this.portfolios = portfolios;
		this.properties = properties;
	}

	/**
	 * Runs at the instant; returns how many visits it scheduled. Two runs at once (the
	 * job's lock keeps instances from it) schedule each visit once all the same: the
	 * second waits on the first's period keys and adds nothing.
	 */
	@Transactional
	public int run(Instant now) {
		LocalDate today = LocalDate.ofInstant(now, this.clock.zone());
		int created = 0;
		for (Map.Entry<String, Duration> rhythm : this.properties.rhythm().entrySet()) {
			created += schedule(rhythm.getKey(), rhythm.getValue(), now, today);
		}
		keepAccess(now);
		return created;
	}

	private int schedule(String level, Duration interval, Instant now, LocalDate today) {
		String source = "rhythm:" + RhythmPeriod.label(today, interval);
		List<Long> due = this.jdbc.sql("""
				select c.id from customer_directory c
				where c.level = :level and c.archived_at is null and c.owner_id is not null
				  and not exists (select 1 from care_visit v where v.customer_id = c.id and v.status = 'OPEN')
				  and not exists (select 1 from care_visit v where v.customer_id = c.id and v.status = 'DONE'
				                  and v.completed_at > :since)
				  and not exists (select 1 from care_visit v where v.customer_id = c.id and v.source = :source)
				order by c.id""")
			.param("level", level)
			.param("since", Timestamp.from(now.minus(interval)))
			.param("source", source)
			.query(Long.class)
			.list();
		Map<Long, Long> assignees = this.visitors.assign(due);
		LocalDate dueOn = today.plusDays(this.properties.dueDays());
		return this.scheduling
			.schedule(due.stream()
				.map(id -> new VisitScheduling.NewVisit(id, "RHYTHM", source, null, assignees.get(id), dueOn, null,
						null))
				.toList(), null)
			.size();
	}

	/**
	 * An open visit's visitor keeps seeing the customer, however late the visit is, when
	 * the visit grants access (not one customer service scheduled for itself).
	 */
	private void keepAccess(Instant now) {
		Map<Long, Long> grants = new HashMap<>();
		this.jdbc.sql("""
				select v.customer_id, v.assignee_id from care_visit v join customer_directory c on c.id = v.customer_id
				where v.status = 'OPEN' and v.assignee_id is not null and v.grants_access
				  and c.owner_id is distinct from v.assignee_id
				  and not exists (select 1 from customer_team m
				                  where m.customer_id = v.customer_id and m.employee_id = v.assignee_id
				                    and (m.expires_at is null or m.expires_at > :soon))""")
			.param("soon", Timestamp.from(now.plus(Duration.ofDays(2))))
			.query(rs -> {
				grants.put(rs.getLong(1), rs.getLong(2));
			});
		this.portfolios.grantReadUntil(grants, now.plus(this.properties.access()), null);
	}

}
