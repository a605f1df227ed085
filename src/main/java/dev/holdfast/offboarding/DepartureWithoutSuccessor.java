package dev.holdfast.offboarding;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.Portfolios;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.audit.AuditAction;

/**
 * A deprovisioned employee with neither a manager nor a sales manager in their
 * department: nobody can be handed the customers, but access must still end at once. The
 * employee becomes DEPARTED, every session and token is revoked and team memberships end;
 * the customers stay with the departed owner (nobody works them, nobody new can read
 * them) and {@code DEPROVISIONED_WITHOUT_SUCCESSOR} in the audit trail tells
 * administrators to transfer them, which they can do as for any customer.
 */
@Component
class DepartureWithoutSuccessor {

	private final OrganizationManagement organization;

	private final ApplicationEventPublisher events;

	private final Portfolios portfolios;

	private final AuditTrail audit;

	DepartureWithoutSuccessor(OrganizationManagement organization, ApplicationEventPublisher events,
			Portfolios portfolios, AuditTrail audit) {
		this.organization = organization;
		this.events = events;
		this.portfolios = portfolios;
		this.audit = audit;
	}

	/** Runs in the caller's transaction. */
	void depart(long employeeId, String reason) {
		this.organization.changeEmploymentStatus(employeeId, EmploymentStatus.DEPARTED);
		// security revokes every session and token synchronously, in the caller's
		// transaction
		this.events.publishEvent(new EmployeeDeparted(null, employeeId, true));
		Long by = CurrentEmployee.find().map(e -> e.employeeId()).orElse(null);
		int teams = this.portfolios.leaveAllTeams(employeeId, by).size();
		int customers = this.portfolios.customerCounts(List.of(employeeId)).getOrDefault(employeeId, 0L).intValue();
		this.audit.record(AuditAction.DEPROVISIONED_WITHOUT_SUCCESSOR, "employee", employeeId,
				Map.of("teamsLeft", teams, "customersLeftInPlace", customers, "reason", reason));
	}

}
