package dev.holdfast.care;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.EmployeePrincipal;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/**
 * Care visits (回访): customer service contacts a customer in the company's name, after a
 * handover, on a rhythm per level, after a complaint, or when someone schedules one.
 * Visits go to customer service in the owner's department tree (fewest open visits
 * first), and the visitor may read the customer until a while after the due date.
 */
@Service
public class CareVisits {

	private final JdbcClient jdbc;

	private final CareVisitRows rows;

	private final Visitors visitors;

	private final VisitScheduling scheduling;

	private final CustomerVisibility visibility;

	private final OrganizationManagement organization;

	private final AuditTrail audit;

	private final CareProperties properties;

	private final HoldfastClock clock;

	private final CustomerReads reads;

	private final ManualVisitRules rules;

	CareVisits(JdbcClient jdbc, CareVisitRows rows, Visitors visitors, VisitScheduling scheduling,
			CustomerVisibility visibility, OrganizationManagement organization, AuditTrail audit,
			CareProperties properties, CustomerReads reads, ManualVisitRules rules, HoldfastClock clock) {
		this.clock = clock;
		this.reads = reads;
		this.jdbc = jdbc;
		this.rows = rows;
		this.visitors = visitors;
		this.scheduling = scheduling;
		this.visibility = visibility;
		this.organization = organization;
		this.audit = audit;
		this.properties = properties;
		this.rules = rules;
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
		return scheduleAfterOwnerChange("HANDOVER", source, customers);
	}

	/**
	 * As {@link #scheduleAfterHandover}, for a rotation of key accounts (轮岗, source
	 * {@code rotation:N}): the visits' reason is {@code ROTATION}.
	 */
	@Transactional
	public int scheduleAfterRotation(String source, List<HandedOver> customers) {
		return scheduleAfterOwnerChange("ROTATION", source, customers);
	}

	private int scheduleAfterOwnerChange(String reason, String source, List<HandedOver> customers) {
		if (customers.isEmpty()) {
			return 0;
		}
		LocalDate due = this.clock.today().plusDays(this.properties.dueDays());
		Map<Long, Long> assignees = this.visitors.assign(customers.stream().map(HandedOver::customerId).toList());
		List<VisitScheduling.NewVisit> visits = customers.stream()
			.map(c -> new VisitScheduling.NewVisit(c.customerId(), reason, source, c.newOwnerId(),
					assignees.get(c.customerId()), due, null, null))
			.toList();
		Long by = callerOrNull();
		int created = this.scheduling.schedule(visits, by).size();
		this.scheduling.supersedeFormerOwners(customers.stream().map(HandedOver::customerId).toList(), by);
		return created;
	}

	/**
	 * Schedules a visit by hand, for customer service (care.visit) or those who record
	 * visits (care.record), on a customer the caller may see, due within
	 * {@code holdfast.care.max-due-days}. Customer service schedules its own visits while
	 * it serves the customer; only a care coordinator gives a visit to someone else or
	 * lets a visit run past the visitor's access.
	 */
	@Transactional
	public CareVisitView schedule(long customerId, CareVisitForm form) {
		this.visibility.requireVisible(customerId);
		GuardedAction.SCHEDULE_CARE_VISIT.check();
		if (!Permission.CARE_VISIT.isHeld()) {
			Permission.CARE_RECORD.require();
		}
		String reason = this.rules.checkedReason(form);
		long me = CurrentEmployee.id();
		Long assignee = form.assigneeId() != null ? form.assigneeId()
				: Permission.CARE_VISIT.isHeld() ? me : this.visitors.assign(List.of(customerId)).get(customerId);
		this.rules.requireCoordinationUnlessOwn(customerId, assignee, me, form.dueOn());
		if (assignee == null || !this.visitors.isVisitor(assignee)) {
			throw new InvalidInputException("assigneeId", "must be an active customer service employee");
		}
		if (Objects.equals(ownerOf(customerId), assignee)) {
			throw new InvalidInputException("assigneeId", "the customer's rep can't visit in the company's name");
		}
		String note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
		VisitScheduling.Created created = this.scheduling
			.schedule(List.of(new VisitScheduling.NewVisit(customerId, reason, "manual:" + UUID.randomUUID(), null,
					assignee, form.dueOn(), note, null)), me)
			.get(0);
		this.audit.record(AuditAction.CARE_VISIT_SCHEDULED, "customer", customerId,
				Map.of("careVisitId", created.id(), "reason", reason, "assigneeId", assignee));
		return named(List.of(this.rows.find(created.id()).orElseThrow())).get(0);
	}

	/** The latest due date a visit scheduled today may have. */
	public LocalDate latestDue() {
		return this.rules.latestDue();
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
		this.reads.customer(customerId);
		return named(this.rows.ofCustomer(customerId));
	}

	/** The caller's open visits, earliest due first. */
	@Transactional(readOnly = true)
	public List<CareVisitView> mine() {
		List<CareVisitView> mine = this.rows.openFor(CurrentEmployee.id());
		this.reads.rows(mine.size());
		return named(mine);
	}

	/**
	 * Records what came of a visit: by its assignee, or by anyone allowed to record care
	 * visits who can see the customer, but never by the customer's own rep.
	 */
	@Transactional
	public CareVisitView recordOutcome(long id, CareOutcomeForm form) {
		CareVisitView visit = this.rows.find(id).orElseThrow(() -> new NotFoundException("care visit"));
		this.visibility.requireVisible(visit.customerId());
		long me = CurrentEmployee.id();
		if (!Objects.equals(visit.assigneeId(), me) && !Permission.CARE_RECORD.isHeld()) {
			throw new ForbiddenException("only the assigned customer service employee may record this visit");
		}
		if (Objects.equals(ownerOf(visit.customerId()), me)) {
			throw new ForbiddenException("a care visit is made in the company's name, not by the customer's rep");
		}
		if ("SUPERSEDED".equals(visit.status())) {
			throw new ConflictException("superseded",
					"this visit was superseded after the customer changed hands again, so it needs no outcome");
		}
		if (!"OPEN".equals(visit.status())) {
			throw new ConflictException("done", "the outcome of this visit is recorded already");
		}
		List<String> actions = form.cleanActions();
		this.jdbc
			.sql("""
					update care_visit set status = 'DONE', reached = ?, outcome = ?, satisfaction = ?, actions = ?::varchar[],
					                      completed_at = now(), completed_by = ?
					where id = ? and status = 'OPEN'""")
			.params(form.reached(), form.outcome().strip(), form.satisfaction(), actions.toArray(String[]::new), me, id)
			.update();
		this.audit.record(AuditAction.CARE_VISIT_RECORDED, "customer", visit.customerId(),
				Map.of("careVisitId", id, "reached", form.reached(), "actions", actions.size()));
		return named(List.of(this.rows.find(id).orElseThrow())).get(0);
	}

	private Long ownerOf(long customerId) {
		return this.jdbc.sql("select owner_id from customer_directory where id = ?")
			.param(customerId)
			.query(Long.class)
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private static Long callerOrNull() {
		return CurrentEmployee.find().map(EmployeePrincipal::employeeId).orElse(null);
	}

	List<CareVisitView> named(List<CareVisitView> visits) {
		Set<Long> ids = visits.stream()
			.flatMap(v -> Stream.of(v.newOwnerId(), v.assigneeId(), v.completedBy()))
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(HashSet::new));
		Map<Long, String> names = this.organization.displayNames(ids);
		return visits.stream().map(v -> v.named(names)).toList();
	}

}
