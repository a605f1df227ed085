package dev.holdfast.care;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.customer.Portfolios;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.EmployeePrincipal;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;

/**
 * Care visits (回访): customer service contacts a customer in the company's name, e.g. to
 * introduce the new owner after a handover. Visits are spread over customer service
 * (fewest open visits first), and the visitor may read the customer until a while after
 * the due date.
 */
@Service
public class CareVisits {

	private final JdbcClient jdbc;

	private final CareVisitRows rows;

	private final Portfolios portfolios;

	private final CustomerVisibility visibility;

	private final OrganizationManagement organization;

	private final AuditTrail audit;

	private final CareProperties properties;

	CareVisits(JdbcClient jdbc, CareVisitRows rows, Portfolios portfolios, CustomerVisibility visibility,
			OrganizationManagement organization, AuditTrail audit, CareProperties properties) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.portfolios = portfolios;
		this.visibility = visibility;
		this.organization = organization;
		this.audit = audit;
		this.properties = properties;
	}

	/** A customer just handed over to a new owner. */
	public record HandedOver(long customerId, long newOwnerId) {
	}

	/**
	 * Schedules one visit per customer for this source (e.g. {@code offboarding:12}); a
	 * customer that has one for the source already gets no second. Returns how many were
	 * created. Runs in the caller's transaction.
	 */
	@Transactional
	public int scheduleAfterHandover(String source, List<HandedOver> customers) {
		if (customers.isEmpty()) {
			return 0;
		}
		LocalDate due = LocalDate.now(this.properties.zone()).plusDays(this.properties.dueDays());
		Long by = CurrentEmployee.find().map(EmployeePrincipal::employeeId).orElse(null);
		Map<Long, Long> assignees = assign(customers.stream().map(HandedOver::customerId).toList());
		List<Long> created = this.jdbc
			.sql("""
					insert into care_visit (customer_id, reason, source, new_owner_id, assignee_id, due_on, created_by)
					select v.customer, 'HANDOVER', :source, v.owner, v.assignee, :due, :by
					from unnest(:customers::bigint[], :owners::bigint[], :assignees::bigint[]) as v (customer, owner, assignee)
					on conflict (customer_id, source) do nothing
					returning customer_id""")
			.param("source", source)
			.param("due", Date.valueOf(due))
			.param("by", by)
			.param("customers", customers.stream().map(HandedOver::customerId).toArray(Long[]::new))
			.param("owners", customers.stream().map(HandedOver::newOwnerId).toArray(Long[]::new))
			.param("assignees", customers.stream().map(c -> assignees.get(c.customerId())).toArray(Long[]::new))
			.query(Long.class)
			.list();
		Map<Long, Long> access = new HashMap<>();
		created.stream().filter(id -> assignees.get(id) != null).forEach(id -> access.put(id, assignees.get(id)));
		this.portfolios.grantReadUntil(access,
				due.plusDays(1).atStartOfDay(this.properties.zone()).toInstant().plus(this.properties.access()), by);
		return created.size();
	}

	/** How many visits a source created. */
	@Transactional(readOnly = true)
	public long countFor(String source) {
		return this.jdbc.sql("select count(*) from care_visit where source = ?")
			.param(source)
			.query(Long.class)
			.single();
	}

	/** The care history of a customer, for whoever may see the customer. */
	@Transactional(readOnly = true)
	public List<CareVisitView> ofCustomer(long customerId) {
		this.visibility.requireVisible(customerId);
		return named(this.rows.ofCustomer(customerId));
	}

	/** The caller's open visits, earliest due first. */
	@Transactional(readOnly = true)
	public List<CareVisitView> mine() {
		return named(this.rows.openFor(CurrentEmployee.id()));
	}

	/**
	 * Records what came of a visit: by its assignee, or by anyone allowed to record care
	 * visits who can see the customer.
	 */
	@Transactional
	public CareVisitView recordOutcome(long id, CareOutcomeForm form) {
		CareVisitView visit = this.rows.find(id).orElseThrow(() -> new NotFoundException("care visit"));
		this.visibility.requireVisible(visit.customerId());
		long me = CurrentEmployee.id();
		if (!Objects.equals(visit.assigneeId(), me) && !Permission.CARE_RECORD.isHeld()) {
			throw new ForbiddenException("only the assigned customer service employee may record this visit");
		}
		if (!"OPEN".equals(visit.status())) {
			throw new ConflictException("done", "the outcome of this visit is recorded already");
		}
		this.jdbc.sql("""
				update care_visit set status = 'DONE', reached = ?, outcome = ?, satisfaction = ?, completed_at = now(),
				                      completed_by = ?
				where id = ? and status = 'OPEN'""")
			.params(form.reached(), form.outcome().strip(), form.satisfaction(), me, id)
			.update();
		this.audit.record("CARE_VISIT_RECORDED", "customer", visit.customerId(),
				Map.of("careVisitId", id, "reached", form.reached()));
		return named(List.of(this.rows.find(id).orElseThrow())).get(0);
	}

	/** Customer service with the fewest open visits first, one customer at a time. */
	private Map<Long, Long> assign(List<Long> customerIds) {
		List<Long> visitors = this.organization.activeHolders(Permission.CARE_VISIT, null);
		Map<Long, Long> assigned = new HashMap<>();
		if (visitors.isEmpty()) {
			return assigned;
		}
		Map<Long, Long> open = new HashMap<>();
		visitors.forEach(v -> open.put(v, 0L));
		this.jdbc
			.sql("select assignee_id, count(*) from care_visit where status = 'OPEN' and assignee_id in (:ids)"
					+ " group by assignee_id")
			.param("ids", visitors)
			.query(rs -> {
				open.put(rs.getLong(1), rs.getLong(2));
			});
		PriorityQueue<long[]> queue = new PriorityQueue<>(
				(a, b) -> a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[0], b[0]));
		open.forEach((visitor, count) -> queue.add(new long[] { visitor, count }));
		for (Long customerId : customerIds) {
			long[] next = queue.poll();
			assigned.put(customerId, next[0]);
			next[1]++;
			queue.add(next);
		}
		return assigned;
	}

	private List<CareVisitView> named(List<CareVisitView> visits) {
		Set<Long> ids = visits.stream()
			.flatMap(v -> Stream.of(v.newOwnerId(), v.assigneeId(), v.completedBy()))
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(HashSet::new));
		Map<Long, String> names = this.organization.displayNames(ids);
		List<CareVisitView> named = new ArrayList<>();
		for (CareVisitView v : visits) {
			named.add(new CareVisitView(v.id(), v.customerId(), v.customerName(), v.reason(), v.newOwnerId(),
					names.get(v.newOwnerId()), v.assigneeId(), names.get(v.assigneeId()), v.dueOn(), v.status(),
					v.reached(), v.outcome(), v.satisfaction(), v.completedAt(), v.completedBy(),
					names.get(v.completedBy()), v.createdAt()));
		}
		return named;
	}

}
