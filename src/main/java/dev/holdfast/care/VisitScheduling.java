package dev.holdfast.care;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.Portfolios;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.Permission;

/**
 * Writes new care visits, at most one per customer and source (e.g.
 * {@code rhythm:2026-Q4}, {@code complaint:7:31}), and lets each visitor see the customer
 * until a while after the due date, through a READ team membership with an expiry. Only
 * the system or a care coordinator gives access this way: a visit that someone else
 * schedules for themselves grants nothing and keeps nothing open (see
 * {@link #grantsAccess(Long, Long)}).
 */
@Component
class VisitScheduling {

	/** The reasons of visits after an ownership change, which name the new owner. */
	static final List<String> OWNERSHIP_REASONS = List.of("HANDOVER", "ROTATION");

	private final JdbcClient jdbc;

	private final Portfolios portfolios;

	private final CareProperties properties;

	private final HoldfastClock clock;

	private final ApplicationEventPublisher events;

	VisitScheduling(JdbcClient jdbc, Portfolios portfolios, CareProperties properties, HoldfastClock clock,
			ApplicationEventPublisher events) {
		this.clock = clock;
		this.events = events;
		this.jdbc = jdbc;
		this.portfolios = portfolios;
		this.properties = properties;
	}

	/** A visit to create. */
	record NewVisit(long customerId, String reason, String source, Long newOwnerId, Long assigneeId, LocalDate dueOn,
			String note, Long complaintId) {
	}

	/** A visit created: its id, customer and visitor. */
	record Created(long id, long customerId, Long assigneeId, LocalDate dueOn) {
	}

	/**
	 * Creates the visits whose source is new for their customer; returns those.
	 * {@code by} is the caller who caused them, or null for the system.
	 */
	List<Created> schedule(List<NewVisit> visits, Long by) {
		if (visits.isEmpty()) {
			return List.of();
		}
		List<Created> created = this.jdbc
			.sql("""
					insert into care_visit (customer_id, reason, source, new_owner_id, assignee_id, due_on, note, complaint_id,
					                        created_by, grants_access)
					select v.customer, v.reason, v.source, v.owner, v.assignee, v.due, v.note, v.complaint, :by,
					       v.assignee is distinct from :by or :coordinator
					from unnest(:customers::bigint[], :reasons::varchar[], :sources::varchar[], :owners::bigint[],
					            :assignees::bigint[], :dues::text[]::date[], :notes::varchar[], :complaints::bigint[])
					     as v (customer, reason, source, owner, assignee, due, note, complaint)
					on conflict (customer_id, source) do nothing
					returning id, customer_id, assignee_id, due_on""")
			.param("customers", visits.stream().map(NewVisit::customerId).toArray(Long[]::new))
			.param("reasons", visits.stream().map(NewVisit::reason).toArray(String[]::new))
			.param("sources", visits.stream().map(NewVisit::source).toArray(String[]::new))
			.param("owners", visits.stream().map(NewVisit::newOwnerId).toArray(Long[]::new))
			.param("assignees", visits.stream().map(NewVisit::assigneeId).toArray(Long[]::new))
			.param("dues", visits.stream().map(v -> v.dueOn().toString()).toArray(String[]::new))
			.param("notes", visits.stream().map(NewVisit::note).toArray(String[]::new))
			.param("complaints", visits.stream().map(NewVisit::complaintId).toArray(Long[]::new))
			.param("by", by)
			.param("coordinator", Permission.CARE_COORDINATE.isHeld())
			.query((rs, row) -> new Created(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
					rs.getObject(4, LocalDate.class)))
			.list();
		// one grant per due date, so that each visitor sees the customer long enough
		Map<LocalDate, Map<Long, Long>> grants = new HashMap<>();
		created.stream()
			.filter(c -> c.assigneeId() != null && grantsAccess(c.assigneeId(), by))
			.forEach(c -> grants.computeIfAbsent(c.dueOn(), d -> new HashMap<>()).put(c.customerId(), c.assigneeId()));
		grants.forEach((due, access) -> this.portfolios.grantReadUntil(access, accessUntil(due), by));
		tellVisitors(created, by);
		return created;
	}

	/**
	 * Closes as superseded, kept in the customer's care history, each open visit after an
	 * ownership change (a handover or rotation) of these customers that names an owner
	 * who no longer owns the customer, once a visit naming the current owner is open: a
	 * customer handed over and then rotated has one visit to make, about the rep it has
	 * now. The superseded visit points to the one that replaced it. A visit scheduled
	 * late (a redelivered event) that names a former owner is superseded the same way.
	 * Its visitor no longer sees the customer through it (see {@link #endAccessOf}).
	 * {@code by} is the caller, or null for the system.
	 */
	int supersedeFormerOwners(List<Long> customerIds, Long by) {
		if (customerIds.isEmpty()) {
			return 0;
		}
		List<Superseded> superseded = this.jdbc
			.sql("""
					update care_visit old set status = 'SUPERSEDED', superseded_by = cur.id, completed_at = now()
					from care_visit cur join customer_directory c on c.id = cur.customer_id and c.owner_id = cur.new_owner_id
					where cur.customer_id = any(:customers) and cur.status = 'OPEN' and cur.reason in (:reasons)
					  and old.customer_id = cur.customer_id and old.id <> cur.id and old.status = 'OPEN'
					  and old.reason in (:reasons) and old.new_owner_id is distinct from c.owner_id
					returning old.customer_id, old.assignee_id, old.grants_access, old.due_on""")
			.param("customers", customerIds.toArray(Long[]::new))
			.param("reasons", OWNERSHIP_REASONS)
			.query((rs, row) -> new Superseded(rs.getLong(1), rs.getObject(2, Long.class), rs.getBoolean(3),
					rs.getObject(4, LocalDate.class)))
			.list();
		endAccessOf(superseded, by);
		return superseded.size();
	}

	/**
	 * A visit just superseded: its customer, visitor, whether it granted access, due
	 * date.
	 */
	private record Superseded(long customerId, Long assigneeId, boolean grantsAccess, LocalDate dueOn) {
	}

	/**
	 * Ends the READ membership a superseded visit gave its visitor, unless the visitor
	 * has another reason to see the customer from care: another visit of the customer
	 * that grants them access and is open (e.g. the visit that superseded it) or was done
	 * and still within its access period. Only a time-limited READ membership ending no
	 * later than anything care gave (the visit's access period, or the care rhythm's
	 * extension from now) ends; an unlimited, WRITE or longer one was given for another
	 * reason and stays.
	 */
	private void endAccessOf(List<Superseded> superseded, Long by) {
		List<Superseded> granting = superseded.stream()
			.filter(v -> v.grantsAccess() && v.assigneeId() != null)
			.toList();
		if (granting.isEmpty()) {
			return;
		}
		Instant now = this.clock.now();
		Set<List<Long>> stillServing = new HashSet<>();
		this.jdbc
			.sql("""
					select customer_id, assignee_id, status, due_on from care_visit
					where customer_id = any(?) and assignee_id is not null and grants_access and status in ('OPEN', 'DONE')""")
			.param(granting.stream().map(Superseded::customerId).distinct().toArray(Long[]::new))
			.query(rs -> {
				if ("OPEN".equals(rs.getString(3)) || accessUntil(rs.getObject(4, LocalDate.class)).isAfter(now)) {
					stillServing.add(List.of(rs.getLong(1), rs.getLong(2)));
				}
			});
		Instant rhythmUntil = now.plus(this.properties.access());
		List<Portfolios.ReadGrant> ended = granting.stream()
			.filter(v -> !stillServing.contains(List.of(v.customerId(), v.assigneeId())))
			.map(v -> {
				Instant until = accessUntil(v.dueOn());
				return new Portfolios.ReadGrant(v.customerId(), v.assigneeId(),
						until.isAfter(rhythmUntil) ? until : rhythmUntil);
			})
			.distinct()
			.toList();
		this.portfolios.endReadGrants(ended, by);
	}

	/** One event per visitor given visits by someone else, for {@link CareNotices}. */
	private void tellVisitors(List<Created> created, Long by) {
		Map<Long, List<Created>> byVisitor = new TreeMap<>();
		created.stream()
			.filter(c -> c.assigneeId() != null && !c.assigneeId().equals(by))
			.forEach(c -> byVisitor.computeIfAbsent(c.assigneeId(), a -> new ArrayList<>()).add(c));
		byVisitor.forEach((visitor, visits) -> {
			Created first = visits.stream()
				.min(Comparator.comparing(Created::dueOn).thenComparingLong(Created::id))
				.orElseThrow();
			this.events.publishEvent(new CareVisitAssigned(visitor, first.id(), visits.size(), first.dueOn()));
		});
	}

	Instant accessUntil(LocalDate due) {
		return due.plusDays(1).atStartOfDay(this.clock.zone()).toInstant().plus(this.properties.access());
	}

	/**
	 * Whether a visit lets its visitor see the customer: unless the visitor caused it
	 * themselves without being a care coordinator, as customer service scheduling its own
	 * visit or drawing the check of a complaint it resolved. Nobody lengthens their own
	 * access.
	 */
	static boolean grantsAccess(Long assigneeId, Long by) {
		return by == null || !by.equals(assigneeId) || Permission.CARE_COORDINATE.isHeld();
	}

	/**
	 * When the employee's team membership on the customer ends: empty when it does not
	 * (unlimited) or when they have none.
	 */
	Optional<Instant> membershipEnds(long customerId, long employeeId) {
		return this.jdbc.sql("""
				select expires_at from customer_team
				where customer_id = ? and employee_id = ? and expires_at is not null""")
			.params(customerId, employeeId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

}
