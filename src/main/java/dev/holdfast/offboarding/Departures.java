package dev.holdfast.offboarding;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.OwnerChangeKind;
import dev.holdfast.customer.Portfolios;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;

/**
 * The end of employment, at the end of the last working day or at once for cause. In one
 * transaction (on a locked case row, so that it happens exactly once however many
 * instances try): the employee becomes DEPARTED, every session and token is revoked
 * (security listens to {@link EmployeeDeparted} in this transaction), team memberships
 * end, and what is not handed over yet is pointed at the manager. Then the rest is handed
 * over in chunks; a crash there is finished by the next run.
 */
@Component
class Departures {

	private static final Logger log = LoggerFactory.getLogger(Departures.class);

	private final Cases cases;

	private final PlanRows rows;

	private final HandoverPlan plan;

	private final HandoverExecution execution;

	private final OrganizationManagement organization;

	private final Portfolios portfolios;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	Departures(Cases cases, PlanRows rows, HandoverPlan plan, HandoverExecution execution,
			OrganizationManagement organization, Portfolios portfolios, AuditTrail audit,
			TransactionTemplate transactions, ApplicationEventPublisher events) {
		this.events = events;
		this.cases = cases;
		this.rows = rows;
		this.plan = plan;
		this.execution = execution;
		this.organization = organization;
		this.portfolios = portfolios;
		this.audit = audit;
		this.transactions = transactions;
	}

	/**
	 * Ends the employment of a case's employee; {@code terminatedBy} and the reason are
	 * set for a termination for cause. Does nothing for a case another instance is ending
	 * right now.
	 */
	void depart(long caseId, Long terminatedBy, String reason) {
		Optional<OffboardingCase> ended = this.transactions.execute(status -> end(caseId, terminatedBy, reason));
		if (ended == null || ended.isEmpty()) {
			return;
		}
		OffboardingCase offboarding = ended.get();
		this.execution.run(offboarding, OwnerChangeKind.DEPARTURE);
		// whoever got the rest (the manager, or the next active one up the line) is told,
		// as after a handover HR ran; the listener runs after the commit of this
		// transaction
		this.transactions.executeWithoutResult(
				status -> this.events.publishEvent(new HandoverCompleted(caseId, offboarding.employeeId())));
	}

	private Optional<OffboardingCase> end(long caseId, Long terminatedBy, String reason) {
		Optional<OffboardingCase> locked = this.cases.lock(caseId);
		if (locked.isEmpty()) {
			return Optional.empty();
		}
		OffboardingCase offboarding = locked.get();
		Optional<Long> successor = activeSuccessor(offboarding.managerId());
		if (offboarding.open()) {
			this.plan.addLateCustomers(offboarding);
			successor.ifPresent(id -> this.rows.sendRestTo(caseId, id));
			this.organization.changeEmploymentStatus(offboarding.employeeId(), EmploymentStatus.DEPARTED);
			// security revokes every session and token synchronously, in this transaction
			this.events.publishEvent(new EmployeeDeparted(caseId, offboarding.employeeId(), terminatedBy != null));
			int teams = this.portfolios.leaveAllTeams(offboarding.employeeId(), terminatedBy).size();
			this.cases.departed(caseId, terminatedBy, reason);
			this.audit.record(terminatedBy == null ? AuditAction.EMPLOYEE_DEPARTED : AuditAction.EMPLOYEE_TERMINATED,
					"offboarding_case", caseId, Map.of("employeeId", offboarding.employeeId(), "teamsLeft", teams));
		}
		if (successor.isEmpty()) {
			log.warn("Offboarding case {}: nobody active up the reporting line takes the remaining customers", caseId);
			return Optional.empty();
		}
		return Optional.of(offboarding);
	}

	/** The manager, or the first ACTIVE employee up their reporting line. */
	private Optional<Long> activeSuccessor(long managerId) {
		Long next = managerId;
		for (int hops = 0; next != null && hops < 50; hops++) {
			EmployeeView manager = this.organization.employee(next);
			if (manager.status() == EmploymentStatus.ACTIVE) {
				return Optional.of(manager.id());
			}
			next = manager.managerId();
		}
		return Optional.empty();
	}

}
