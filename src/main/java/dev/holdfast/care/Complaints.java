package dev.holdfast.care;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.CustomerAccess;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/**
 * Complaints (投诉), recorded on a customer and tracked to closure; every change of status
 * keeps who, when and why. Customer service, those who record care visits and whoever may
 * change the customer handle them. Once resolved, customer service calls the customer to
 * check they are satisfied (a COMPLAINT care visit).
 */
@Service
public class Complaints {

	private static final int LIST_LIMIT = 500;

	private final ComplaintRows rows;

	private final CustomerVisibility visibility;

	private final VisibleCustomers visible;

	private final Visitors visitors;

	private final VisitScheduling scheduling;

	private final OrganizationManagement organization;

	private final AuditTrail audit;

	private final CareProperties properties;

	private final HoldfastClock clock;

	private final CustomerReads reads;

	private final ApplicationEventPublisher events;

	Complaints(ComplaintRows rows, CustomerVisibility visibility, VisibleCustomers visible, Visitors visitors,
			VisitScheduling scheduling, OrganizationManagement organization, AuditTrail audit,
			CareProperties properties, CustomerReads reads, HoldfastClock clock, ApplicationEventPublisher events) {
		this.clock = clock;
		this.events = events;
		this.reads = reads;
		this.rows = rows;
		this.visibility = visibility;
		this.visible = visible;
		this.visitors = visitors;
		this.scheduling = scheduling;
		this.organization = organization;
		this.audit = audit;
		this.properties = properties;
	}

	@Transactional
	public ComplaintView record(long customerId, ComplaintForm form) {
		requireHandler(customerId);
		form.check();
		long id = this.rows.insert(customerId, form, CurrentEmployee.id());
		this.audit.record(AuditAction.COMPLAINT_RECORDED, "customer", customerId,
				Map.of("complaintId", id, "severity", form.severity(), "channel", form.channel()));
		this.events.publishEvent(new ComplaintOpened(id, customerId, CurrentEmployee.id(), form.severity()));
		return get(id);
	}

	@Transactional
	public ComplaintView transition(long id, ComplaintTransitionForm form) {
		ComplaintView complaint = find(id);
		requireHandler(complaint.customerId());
		ComplaintStatus from = complaint.status();
		if (!from.canMoveTo(form.to()) || !this.rows.move(id, from, form.to())) {
			throw new ConflictException("invalid_transition",
					"the complaint can't move to this status from where it is now; reload it",
					Map.of("from", from.name(), "to", String.valueOf(form.to())));
		}
		long me = CurrentEmployee.id();
		String note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
		long transitionId = this.rows.addTransition(id, from, form.to(), note, me);
		this.audit.record(action(form.to()), "customer", complaint.customerId(),
				Map.of("complaintId", id, "from", from.name()));
		if (form.to() == ComplaintStatus.RESOLVED) {
			scheduleCheck(complaint, transitionId, me);
		}
		return get(id);
	}

	/** A complaint with its history, for whoever may see its customer. */
	@Transactional(readOnly = true)
	public ComplaintView get(long id) {
		ComplaintView complaint = find(id);
		this.reads.customer(complaint.customerId());
		return named(List.of(complaint)).get(0);
	}

	@Transactional(readOnly = true)
	public List<ComplaintView> ofCustomer(long customerId) {
		this.visibility.requireVisible(customerId);
		this.reads.customer(customerId);
		return named(this.rows.ofCustomer(customerId));
	}

	/** The complaints on customers the caller may see, newest first (at most 500). */
	@Transactional(readOnly = true)
	public List<ComplaintView> visible(ComplaintStatus status) {
		List<ComplaintView> found = this.rows.visible(this.visible.forCaller("c"), status, LIST_LIMIT);
		this.reads.rows(found.size());
		return named(found);
	}

	private ComplaintView find(long id) {
		ComplaintView complaint = this.rows.find(id).orElseThrow(() -> new NotFoundException("complaint"));
		if (!this.visibility.accessTo(complaint.customerId()).canRead()) {
			throw new NotFoundException("complaint");
		}
		return complaint;
	}

	private void requireHandler(long customerId) {
		CustomerAccess access = this.visibility.requireVisible(customerId);
		if (!access.canWrite() && !Permission.CARE_VISIT.isHeld() && !Permission.CARE_RECORD.isHeld()) {
			throw new ForbiddenException("only customer service or whoever may change the customer handles complaints");
		}
	}

	private void scheduleCheck(ComplaintView complaint, long transitionId, long by) {
		long customerId = complaint.customerId();
		LocalDate due = this.clock.today().plusDays(this.properties.dueDays());
		Long visitor = this.visitors.assign(List.of(customerId)).get(customerId);
		this.scheduling.schedule(List.of(new VisitScheduling.NewVisit(customerId, "COMPLAINT",
				"complaint:" + complaint.id() + ":" + transitionId, null, visitor, due, complaint.summary(),
				complaint.id())), by);
	}

	private List<ComplaintView> named(List<ComplaintView> complaints) {
		Map<Long, List<ComplaintView.Transition>> histories = this.rows
			.histories(complaints.stream().map(ComplaintView::id).toList());
		Set<Long> ids = new HashSet<>();
		complaints.forEach(c -> ids.add(c.createdBy()));
		histories.values().forEach(h -> h.forEach(t -> ids.add(t.byId())));
		Map<Long, String> names = this.organization.displayNames(ids);
		return complaints.stream()
			.map(c -> new ComplaintView(c.id(), c.customerId(), c.customerName(), c.summary(), c.details(),
					c.severity(), c.channel(), c.status(), c.createdAt(), c.createdBy(), names.get(c.createdBy()),
					c.updatedAt(), c.closedAt(),
					histories.getOrDefault(c.id(), List.of())
						.stream()
						.map(t -> new ComplaintView.Transition(t.from(), t.to(), t.note(), t.at(), t.byId(),
								names.get(t.byId())))
						.toList(),
					c.next()))
			.toList();
	}

	/** The audit action of a move to the status. */
	private static AuditAction action(ComplaintStatus to) {
		return switch (to) {
			case OPEN -> AuditAction.COMPLAINT_OPEN;
			case IN_PROGRESS -> AuditAction.COMPLAINT_IN_PROGRESS;
			case RESOLVED -> AuditAction.COMPLAINT_RESOLVED;
			case CLOSED -> AuditAction.COMPLAINT_CLOSED;
			case REOPENED -> AuditAction.COMPLAINT_REOPENED;
		};
	}

}
