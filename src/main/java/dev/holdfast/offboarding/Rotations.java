package dev.holdfast.offboarding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.CustomerAccess;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.customer.OwnerCandidates;
import dev.holdfast.customer.Ownership;
import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;

/**
 * Rotation of key accounts (轮岗): a manager who may transfer customers plans that some of
 * a rep's customers move to another rep on a date, each with a handover note. Only
 * customers the manager may change, owned by a rep of their data scope who is not
 * leaving, and a receiver whom the manager may give customers to. The plan is carried out
 * on its date by {@link RotationJob}, or at once when the date is today, through
 * {@link RotationExecution}: the same ownership history, audit and care visits as a
 * handover, and not counted against the transfer limit.
 */
@Service
public class Rotations {

	static final int NOTE_MAX = 2000;

	private final RotationStore store;

	private final RotationExecution execution;

	private final CustomerVisibility visibility;

	private final VisibleCustomers visible;

	private final OwnerCandidates candidates;

	private final Ownership ownership;

	private final OrganizationManagement organization;

	private final AuditTrail audit;

	private final HoldfastClock clock;

	private final RotationProperties properties;

	private final TransactionTemplate transactions;

	Rotations(RotationStore store, RotationExecution execution, CustomerVisibility visibility, VisibleCustomers visible,
			OwnerCandidates candidates, Ownership ownership, OrganizationManagement organization, AuditTrail audit,
			HoldfastClock clock, RotationProperties properties, TransactionTemplate transactions) {
		this.store = store;
		this.execution = execution;
		this.visibility = visibility;
		this.visible = visible;
		this.candidates = candidates;
		this.ownership = ownership;
		this.organization = organization;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
		this.transactions = transactions;
	}

	/**
	 * The notes of the rotations that moved a customer, for whoever sees the customer
	 * beyond the pool (404 otherwise), as the departures' notes on its page.
	 */
	@Transactional(readOnly = true)
	public List<RotationNoteView> notesOfCustomer(long customerId) {
		this.visibility.requireVisibleBeyondPool(customerId);
		return this.store.notesOfCustomer(customerId);
	}

	/**
	 * Plans a rotation, all or nothing; carries it out at once when its date is today.
	 * Returns the plan as the caller reads it.
	 */
	public RotationView plan(RotationForm form) {
		long id = this.transactions.execute(status -> planned(form));
		if (!form.rotateOn().isAfter(this.clock.today())) {
			this.execution.run(id);
		}
		return get(id);
	}

	/** Refuses a caller who may not plan rotations, before any input is looked at. */
	public void requirePlanning() {
		Permission.CUSTOMER_TRANSFER.require();
		GuardedAction.TRANSFER.require();
	}

	private long planned(RotationForm form) {
		requirePlanning();
		List<Long> ids = customerIds(form);
		requireChangeable(ids);
		validate(form);
		long from = form.fromEmployeeId();
		long to = form.toEmployeeId();
		requireReps(from, to);
		List<Long> notOwned = new ArrayList<>();
		for (Long id : ids) {
			Ownership.OwnerState state = this.ownership.lockOwner(id)
				.orElseThrow(() -> new NotFoundException("customer"));
			if (state.archived() || !Objects.equals(state.ownerId(), from)) {
				notOwned.add(id);
			}
		}
		if (!notOwned.isEmpty()) {
			throw new ConflictException("not_owner", "some of the customers are not the rep's (any more)",
					Map.of("customerIds", notOwned));
		}
		List<Long> planned = this.store.inOpenPlans(ids);
		if (!planned.isEmpty()) {
			throw new ConflictException("already_planned", "some of the customers are in another rotation plan already",
					Map.of("customerIds", planned));
		}
		long id = this.store.insert(form, CurrentEmployee.id());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("from", from);
		details.put("to", to);
		details.put("rotateOn", form.rotateOn().toString());
		details.put("customers", ids.size());
		this.audit.record(AuditAction.ROTATION_PLANNED, "rotation_plan", id, details);
		return id;
	}

	private List<Long> customerIds(RotationForm form) {
		if (form.customers().isEmpty()) {
			throw new InvalidInputException("customers", "choose at least one customer");
		}
		if (form.customers().size() > this.properties.maxCustomers()) {
			throw new InvalidInputException("customers",
					"a plan moves at most " + this.properties.maxCustomers() + " customers");
		}
		Set<Long> seen = new HashSet<>();
		for (RotationForm.Customer customer : form.customers()) {
			if (customer == null || customer.customerId() == null || !seen.add(customer.customerId())) {
				throw new InvalidInputException("customers", "each customer once, by its id");
			}
		}
		return List.copyOf(seen);
	}

	/** 404 for a customer the caller may not see, 403 for one they may not change. */
	private void requireChangeable(List<Long> ids) {
		List<CustomerAccess> accesses = ids.stream().map(this.visibility::accessTo).toList();
		if (accesses.stream().anyMatch(a -> !a.canRead())) {
			throw new NotFoundException("customer");
		}
		if (accesses.stream().anyMatch(a -> !a.canWrite())) {
			throw new ForbiddenException("you may see some of these customers but not change them");
		}
	}

	private void validate(RotationForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.fromEmployeeId() == null) {
			errors.put("fromEmployeeId", "choose the rep the customers leave");
		}
		if (form.toEmployeeId() == null) {
			errors.put("toEmployeeId", "choose the rep who takes the customers");
		}
		else if (form.toEmployeeId().equals(form.fromEmployeeId())) {
			errors.put("toEmployeeId", "the customers must go to another rep");
		}
		if (form.rotateOn() == null) {
			errors.put("rotateOn", "choose the day of the rotation");
		}
		else if (form.rotateOn().isBefore(this.clock.today())) {
			errors.put("rotateOn", "the day of the rotation can't be in the past");
		}
		else if (form.rotateOn().isAfter(this.clock.today().plusYears(1))) {
			errors.put("rotateOn", "the day of the rotation may be at most a year ahead");
		}
		if (form.reason() != null && form.reason().length() > 1000) {
			errors.put("reason", "at most 1000 characters");
		}
		for (int i = 0; i < form.customers().size(); i++) {
			String note = form.customers().get(i).note();
			if (note == null || note.isBlank()) {
				errors.put("customers[" + i + "].note", "write a handover note for the new rep");
			}
			else if (note.strip().length() > NOTE_MAX) {
				errors.put("customers[" + i + "].note", "at most 2000 characters");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/**
	 * The rep who gives the customers must be of the caller's data scope and not leaving
	 * (a leaver's customers go with the handover); the one who takes them, someone the
	 * caller may give customers to.
	 */
	private void requireReps(long from, long to) {
		if (!this.visible.ownersOfCaller().covers(from)) {
			throw new InvalidInputException("fromEmployeeId", "the employee is outside your data scope");
		}
		if (this.organization.employee(from).status() != EmploymentStatus.ACTIVE) {
			throw new ConflictException("leaving",
					"the rep is leaving or gone; their customers go with the handover of their case");
		}
		EmployeeView taker;
		try {
			taker = this.organization.employee(to);
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException("toEmployeeId", "no such employee");
		}
		if (taker.status() == EmploymentStatus.LEAVING) {
			throw new InvalidInputException("toEmployeeId",
					"the employee is serving notice and can't take on customers");
		}
		if (!this.visible.ownersOfCaller().covers(to)) {
			throw new InvalidInputException("toEmployeeId", "the employee is outside your data scope");
		}
		this.candidates.requireOwner(to, "toEmployeeId");
	}

	/**
	 * A plan for the managers of its reps, its planner and the two reps; the customers
	 * shown are those the caller may see now. Anyone else: 404.
	 */
	@Transactional(readOnly = true)
	public RotationView get(long id) {
		RotationStore.Plan plan = readable(id);
		return this.store.view(plan, this.visible.forCaller("c"));
	}

	/** The plans the caller manages or is a rep of, newest first. */
	@Transactional(readOnly = true)
	public List<RotationView> list() {
		boolean manager = Permission.CUSTOMER_TRANSFER.isHeld();
		return this.store.list(CurrentEmployee.id(), manager ? this.visible.ownersOfCaller() : null, 200);
	}

	/** Cancels a plan whose date has not come yet: its customers stay where they are. */
	@Transactional
	public RotationView cancel(long id, String reason) {
		RotationStore.Plan plan = readable(id);
		if (!manages(plan)) {
			throw new ForbiddenException("only a manager of the rotation's reps may cancel it");
		}
		requirePlanning();
		if (reason != null && reason.length() > 1000) {
			throw new InvalidInputException("reason", "at most 1000 characters");
		}
		if (!this.store.cancel(id, CurrentEmployee.id(), reason)) {
			throw new ConflictException("not_planned", "the rotation has started or ended already",
					Map.of("status", this.store.plan(id).map(p -> p.status().name()).orElse("")));
		}
		this.audit.record(AuditAction.ROTATION_CANCELLED, "rotation_plan", id, Map.of("by", CurrentEmployee.id()));
		return this.store.view(this.store.plan(id).orElseThrow(), this.visible.forCaller("c"));
	}

	/** Who may give and who may take customers in the caller's plans, for the form. */
	public record Reps(List<EmployeeView> givers, List<EmployeeView> takers) {
	}

	/**
	 * The reps of the caller's data scope, and those the caller may give customers to.
	 */
	@Transactional(readOnly = true)
	public Reps reps() {
		requirePlanning();
		List<EmployeeView> all = this.candidates.forCaller();
		VisibleCustomers.Owners owners = this.visible.ownersOfCaller();
		Map<Long, String> refused = this.candidates.refused(all.stream().map(e -> e.id()).toList());
		return new Reps(all.stream().filter(e -> owners.covers(e.id())).toList(),
				all.stream().filter(e -> !refused.containsKey(e.id())).toList());
	}

	/** A customer a rep owns, for the plan form. */
	public record Owned(long customerId, String name, String level) {
	}

	/** The rep's customers the caller may see, for the plan form. */
	@Transactional(readOnly = true)
	public List<Owned> customersOf(long ownerId) {
		requirePlanning();
		if (!this.visible.ownersOfCaller().covers(ownerId)) {
			return List.of();
		}
		return this.store.owned(ownerId, this.visible.forCaller("c"), this.properties.maxCustomers());
	}

	private RotationStore.Plan readable(long id) {
		RotationStore.Plan plan = this.store.plan(id).orElseThrow(() -> new NotFoundException("rotation"));
		long me = CurrentEmployee.id();
		if (!manages(plan) && plan.fromEmployeeId() != me && plan.toEmployeeId() != me) {
			throw new NotFoundException("rotation");
		}
		return plan;
	}

	private boolean manages(RotationStore.Plan plan) {
		if (!Permission.CUSTOMER_TRANSFER.isHeld()) {
			return false;
		}
		VisibleCustomers.Owners owners = this.visible.ownersOfCaller();
		return plan.plannedBy() == CurrentEmployee.id() || owners.covers(plan.fromEmployeeId())
				|| owners.covers(plan.toEmployeeId());
	}

}
