package dev.holdfast.offboarding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.customer.MemberAccess;
import dev.holdfast.customer.OwnerChangeKind;
import dev.holdfast.customer.Portfolios;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.shared.Permission;

/**
 * The departure of an employee as one guided flow: resignation, notice period, handover
 * plan and notes, handover, last day. Every step is checked against {@link CaseAccess}
 * and recorded in the audit trail.
 */
@Service
public class Offboarding {

	private final Cases cases;

	private final PlanRows rows;

	private final HandoverPlan plan;

	private final HandoverNotes notes;

	private final HandoverExecution execution;

	private final Departures departures;

	private final CaseAccess access;

	private final CaseDetailsReader details;

	private final OrganizationManagement organization;

	private final Portfolios portfolios;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final CustomerVisibility customerVisibility;

	Offboarding(Cases cases, PlanRows rows, HandoverPlan plan, HandoverNotes notes, HandoverExecution execution,
			Departures departures, CaseAccess access, CaseDetailsReader details, OrganizationManagement organization,
			Portfolios portfolios, AuditTrail audit, TransactionTemplate transactions,
			CustomerVisibility customerVisibility) {
		this.cases = cases;
		this.rows = rows;
		this.plan = plan;
		this.notes = notes;
		this.execution = execution;
		this.departures = departures;
		this.access = access;
		this.details = details;
		this.organization = organization;
		this.portfolios = portfolios;
		this.audit = audit;
		this.transactions = transactions;
		this.customerVisibility = customerVisibility;
	}

	/**
	 * Records a resignation (HR or an administrator): the employee is LEAVING at once,
	 * the handover plan is proposed, and the manager joins every team of the leaver's
	 * customers with WRITE access.
	 */
	@Transactional
	public CaseDetails resign(long employeeId, ResignationForm form) {
		Permission.EMPLOYEE_MANAGE.require();
		Permission.OFFBOARDING_EXECUTE.require();
		EmployeeView employee = this.organization.employee(employeeId);
		if (employee.status() != EmploymentStatus.ACTIVE) {
			throw new ConflictException("not_active", "the employee is " + employee.status() + " already");
		}
		if (form.lastWorkingDay().isBefore(form.noticeDate())) {
			throw new InvalidInputException("lastWorkingDay", "must not be before the notice date");
		}
		long managerId = form.managerId() != null ? form.managerId()
				: employee.managerId() != null ? employee.managerId() : -1;
		requireSuccessor(managerId, employeeId, "managerId");
		long caseId = this.cases.create(employeeId, managerId, form, CurrentEmployee.id());
		OffboardingCase offboarding = this.cases.find(caseId).orElseThrow();
		int planned = this.plan.propose(offboarding);
		this.organization.changeEmploymentStatus(employeeId, EmploymentStatus.LEAVING);
		int teams = this.portfolios.joinAllTeamsOf(employeeId, managerId, MemberAccess.WRITE, CurrentEmployee.id());
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("employeeId", employeeId);
		facts.put("managerId", managerId);
		facts.put("lastWorkingDay", form.lastWorkingDay().toString());
		facts.put("customers", planned);
		facts.put("managerJoinedTeams", teams);
		this.audit.record("OFFBOARDING_CASE_CREATED", "offboarding_case", caseId, facts);
		return this.details.of(offboarding, true);
	}

	@Transactional(readOnly = true)
	public CaseDetails get(long caseId) {
		OffboardingCase offboarding = readable(caseId);
		return this.details.of(offboarding, this.access.mayManage(offboarding));
	}

	/** The caller's own open case, if they are serving notice. */
	@Transactional(readOnly = true)
	public Optional<CaseDetails> mine() {
		return this.cases.openOf(CurrentEmployee.id()).map(c -> this.details.of(c, this.access.mayManage(c)));
	}

	/** The id of the caller's own open case, if they are serving notice: one query. */
	@Transactional(readOnly = true)
	public Optional<Long> myOpenCaseId() {
		return CurrentEmployee.find().flatMap(me -> this.cases.openOf(me.employeeId())).map(OffboardingCase::id);
	}

	/** Every handover note about a customer, newest first, for whoever may see it. */
	@Transactional(readOnly = true)
	public List<HandoverNoteView> notesOfCustomer(long customerId) {
		this.customerVisibility.requireVisible(customerId);
		return this.notes.ofCustomer(customerId);
	}

	/** Open cases first, then recent departures, that the caller may run. */
	@Transactional(readOnly = true)
	public List<CaseDetails> list() {
		List<CaseDetails> found = new ArrayList<>();
		for (OffboardingCase c : this.cases.recent(200)) {
			if (this.access.mayManage(c)) {
				found.add(this.details.summary(c));
			}
		}
		return found;
	}

	@Transactional
	public PageResult<PlanRow> plan(long caseId, PlanRows.Filter filter, PageRequest page) {
		OffboardingCase offboarding = readable(caseId);
		List<PlanRow> found = this.rows.page(caseId, offboarding.employeeId(), filter, page.offset(), page.size());
		this.audit.record("HANDOVER_PLAN_VIEWED", "offboarding_case", caseId, Map.of("rows", found.size()));
		return new PageResult<>(found, page.page(), page.size(), this.rows.count(caseId, filter));
	}

	/** Chooses new owners for customers of the plan (manager, HR or administrator). */
	@Transactional
	public int editPlan(long caseId, List<PlanChange> changes) {
		OffboardingCase offboarding = manageable(caseId);
		List<Long> ids = changes.stream().map(PlanChange::customerId).distinct().toList();
		if (ids.isEmpty()) {
			throw new InvalidInputException("changes", "name at least one customer");
		}
		List<Long> pending = this.rows.pendingAmong(caseId, ids);
		if (pending.size() != ids.size()) {
			throw new InvalidInputException("customerId", "not in this plan, or handed over already: "
					+ ids.stream().filter(id -> !pending.contains(id)).limit(20).toList());
		}
		changes.stream()
			.map(PlanChange::newOwnerId)
			.distinct()
			.forEach(id -> requireSuccessor(id, offboarding.employeeId(), "newOwnerId"));
		int changed = this.rows.choose(caseId, changes, CurrentEmployee.id());
		this.audit.record("HANDOVER_PLAN_EDITED", "offboarding_case", caseId,
				Map.of("customers", changed, "customerIds", ids.stream().limit(100).toList()));
		return changed;
	}

	/** Gives every open row matching the filter to one employee (bulk reassign). */
	@Transactional
	public int editPlanWhere(long caseId, PlanRows.Filter filter, long newOwnerId) {
		OffboardingCase offboarding = manageable(caseId);
		requireSuccessor(newOwnerId, offboarding.employeeId(), "newOwnerId");
		int changed = this.rows.chooseWhere(caseId, filter, newOwnerId, CurrentEmployee.id());
		this.audit.record("HANDOVER_PLAN_EDITED", "offboarding_case", caseId,
				Map.of("customers", changed, "level", String.valueOf(filter.level()), "to", newOwnerId));
		return changed;
	}

	@Transactional(readOnly = true)
	public Optional<HandoverNoteView> note(long caseId, long customerId) {
		readable(caseId);
		return this.notes.find(caseId, customerId);
	}

	/**
	 * The name of a customer of the case's plan; 404 if the plan has no such customer.
	 */
	@Transactional(readOnly = true)
	public String customerInPlan(long caseId, long customerId) {
		readable(caseId);
		return this.rows.customerName(caseId, customerId).orElseThrow(() -> new NotFoundException("customer"));
	}

	/** The leaver (or whoever runs the case) writes the note for one customer. */
	@Transactional
	public HandoverNoteView writeNote(long caseId, long customerId, HandoverNoteForm form) {
		OffboardingCase offboarding = readable(caseId);
		if (!offboarding.open()) {
			throw new ConflictException("departed", "the case is closed");
		}
		if (!this.rows.contains(caseId, customerId)) {
			throw new NotFoundException("customer");
		}
		if (form.blank()) {
			throw new InvalidInputException("keyContacts", "fill in at least one part of the note");
		}
		this.notes.write(caseId, customerId, form, CurrentEmployee.id());
		this.audit.record("HANDOVER_NOTE_WRITTEN", "customer", customerId, Map.of("caseId", caseId));
		return this.notes.find(caseId, customerId).orElseThrow();
	}

	/**
	 * Hands every customer of the plan over. Not one transaction: chunks commit one by
	 * one, and calling it again after a crash finishes the job.
	 */
	public HandoverResult handover(long caseId) {
		OffboardingCase offboarding = this.transactions.execute(status -> {
			OffboardingCase found = manageable(caseId);
			if (!found.open()) {
				throw new ConflictException("departed", "the employee has left; what remained went to the manager");
			}
			this.plan.addLateCustomers(found);
			List<Long> invalid = this.rows.withInactiveOwner(caseId);
			if (!invalid.isEmpty()) {
				throw new ConflictException("plan_invalid",
						"the plan gives customers to employees who are no longer active; choose others",
						Map.of("customerIds", invalid));
			}
			this.cases.handoverStarted(caseId, CurrentEmployee.id());
			this.audit.record("HANDOVER_STARTED", "offboarding_case", caseId, Map.of());
			return found;
		});
		HandoverExecution.Totals totals = this.execution.run(offboarding, OwnerChangeKind.HANDOVER);
		return this.transactions.execute(status -> {
			int teams = this.portfolios.leaveAllTeams(offboarding.employeeId(), CurrentEmployee.id()).size();
			long remaining = this.rows.count(caseId, new PlanRows.Filter(null, null, true));
			if (remaining == 0) {
				this.cases.handoverFinished(caseId);
			}
			Map<String, Object> facts = new LinkedHashMap<>();
			facts.put("reassigned", totals.reassigned());
			facts.put("alreadyMoved", totals.alreadyMoved());
			facts.put("remaining", remaining);
			facts.put("teamsLeft", teams);
			this.audit.record("HANDOVER_EXECUTED", "offboarding_case", caseId, facts);
			return new HandoverResult(caseId, totals.reassigned(), totals.alreadyMoved(), remaining,
					this.cases.find(caseId).orElseThrow().status());
		});
	}

	/** Ends the employment now, for cause; the rest goes to the manager. */
	public CaseDetails terminate(long caseId, TerminationForm form) {
		OffboardingCase offboarding = this.transactions.execute(status -> manageable(caseId));
		if (!offboarding.open()) {
			throw new ConflictException("departed", "the employee has left already");
		}
		this.departures.depart(caseId, CurrentEmployee.id(), form.reason().strip());
		return this.transactions.execute(status -> this.details.of(this.cases.find(caseId).orElseThrow(), true));
	}

	private OffboardingCase readable(long caseId) {
		OffboardingCase offboarding = this.cases.find(caseId).orElseThrow(() -> new NotFoundException("case"));
		this.access.requireReadable(offboarding);
		return offboarding;
	}

	private OffboardingCase manageable(long caseId) {
		OffboardingCase offboarding = this.cases.find(caseId).orElseThrow(() -> new NotFoundException("case"));
		this.access.requireManager(offboarding);
		Permission.OFFBOARDING_EXECUTE.require();
		return offboarding;
	}

	/** Someone who can take over customers: exists, ACTIVE, and not the leaver. */
	private void requireSuccessor(long employeeId, long leaverId, String field) {
		if (employeeId == leaverId) {
			throw new InvalidInputException(field, "the leaver can't take over their own customers");
		}
		EmployeeView successor;
		try {
			successor = this.organization.employee(employeeId);
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException(field,
					employeeId < 0 ? "the employee has no manager; name who takes over" : "no such employee");
		}
		if (successor.status() != EmploymentStatus.ACTIVE) {
			throw new InvalidInputException(field, "the employee is not active (serving notice or gone)");
		}
	}

}
