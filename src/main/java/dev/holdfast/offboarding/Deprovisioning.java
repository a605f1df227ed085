package dev.holdfast.offboarding;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/**
 * Ends an employment at once because the identity provider turned the account off (SCIM):
 * the immediate-termination path of {@link Terminations}, without a case opened by hand
 * first. An open case is ended as it is; otherwise a case is opened and ended in the same
 * call, so that restrictions, the handover to the manager and the revocation of every
 * session and token happen exactly as for a termination for cause. Without a manager, a
 * holder of {@code pool.assign} in the employee's department (the department's sales
 * manager) takes the customers; without either, see {@link DepartureWithoutSuccessor}.
 */
@Service
public class Deprovisioning {

	/** What happened to the employee. */
	public enum Outcome {

		/** Terminated now; the customers went to {@code successorId}. */
		TERMINATED,
		/** Access ended now, but nobody could take the customers: they stay in place. */
		NO_SUCCESSOR,
		/** Departed before: nothing to do. */
		ALREADY_DEPARTED

	}

	/** The outcome, the case (if any) and who took the customers (if anyone). */
	public record Deprovisioned(Outcome outcome, Long caseId, Long successorId) {
	}

	private final Cases cases;

	private final HandoverPlan plan;

	private final Departures departures;

	private final DepartureWithoutSuccessor withoutSuccessor;

	private final OrganizationManagement organization;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final OffboardingProperties properties;

	private final HoldfastClock clock;

	Deprovisioning(Cases cases, HandoverPlan plan, Departures departures, DepartureWithoutSuccessor withoutSuccessor,
			OrganizationManagement organization, AuditTrail audit, TransactionTemplate transactions,
			OffboardingProperties properties, HoldfastClock clock) {
		this.clock = clock;
		this.cases = cases;
		this.plan = plan;
		this.departures = departures;
		this.withoutSuccessor = withoutSuccessor;
		this.organization = organization;
		this.audit = audit;
		this.transactions = transactions;
		this.properties = properties;
	}

	/**
	 * Terminates the employee now (the caller needs {@code employee.manage} and
	 * {@code offboarding.execute}); idempotent for an employee who has left.
	 */
	public Deprovisioned deprovision(long employeeId, String reason) {
		Permission.EMPLOYEE_MANAGE.require();
		Permission.OFFBOARDING_EXECUTE.require();
		Deprovisioned opened = this.transactions.execute(status -> open(employeeId, reason));
		if (opened.outcome() == Outcome.TERMINATED) {
			this.departures.depart(opened.caseId(), CurrentEmployee.id(), reason);
		}
		return opened;
	}

	private Deprovisioned open(long employeeId, String reason) {
		EmployeeView employee = this.organization.employee(employeeId);
		if (employee.status() == EmploymentStatus.DEPARTED) {
			return new Deprovisioned(Outcome.ALREADY_DEPARTED, null, null);
		}
		Optional<OffboardingCase> open = this.cases.openOf(employeeId);
		if (open.isPresent()) {
			return new Deprovisioned(Outcome.TERMINATED, open.get().id(), open.get().managerId());
		}
		Optional<Long> successor = successorOf(employee);
		if (successor.isEmpty()) {
			this.withoutSuccessor.depart(employeeId, reason);
			return new Deprovisioned(Outcome.NO_SUCCESSOR, null, null);
		}
		LocalDate today = this.clock.today();
		long caseId = this.cases.create(employeeId, successor.get(),
				new ResignationForm(today, today, reason, successor.get()), CurrentEmployee.id());
		int planned = this.plan.propose(this.cases.find(caseId).orElseThrow());
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("employeeId", employeeId);
		facts.put("managerId", successor.get());
		facts.put("lastWorkingDay", today.toString());
		facts.put("customers", planned);
		facts.put("deprovisioned", true);
		this.audit.record(AuditAction.OFFBOARDING_CASE_CREATED, "offboarding_case", caseId, facts);
		return new Deprovisioned(Outcome.TERMINATED, caseId, successor.get());
	}

	/** The manager, else the first holder of pool.assign in the same department. */
	private Optional<Long> successorOf(EmployeeView employee) {
		if (employee.managerId() != null) {
			return Optional.of(employee.managerId());
		}
		if (employee.departmentId() == null) {
			return Optional.empty();
		}
		return this.organization.activeHolders(Permission.POOL_ASSIGN, employee.departmentId())
			.stream()
			.filter(id -> id != employee.id())
			.findFirst();
	}

}
