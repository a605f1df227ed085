package dev.holdfast.offboarding;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.MemberAccess;
import dev.holdfast.customer.Portfolios;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/**
 * Opens an offboarding case when someone resigns: the notice period starts at once.
 */
@Service
public class Resignations {

	private final Cases cases;

	private final HandoverPlan plan;

	private final CaseDetailsReader details;

	private final OrganizationManagement organization;

	private final Portfolios portfolios;

	private final Successors successors;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	Resignations(Cases cases, HandoverPlan plan, CaseDetailsReader details, OrganizationManagement organization,
			Portfolios portfolios, Successors successors, AuditTrail audit, ApplicationEventPublisher events) {
		this.events = events;
		this.cases = cases;
		this.plan = plan;
		this.details = details;
		this.organization = organization;
		this.portfolios = portfolios;
		this.successors = successors;
		this.audit = audit;
	}

	/**
	 * Records a resignation (HR or an administrator): the employee is LEAVING at once,
	 * the handover plan is proposed, and the manager joins every team of the leaver's
	 * customers with WRITE access until that customer is handed over (see
	 * {@link HandoverExecution}).
	 */
	@Transactional
	public CaseDetails resign(long employeeId, ResignationForm form) {
		Permission.EMPLOYEE_MANAGE.require();
		Permission.OFFBOARDING_EXECUTE.require();
		this.organization.requireAdministratorFor(employeeId);
		EmployeeView employee = this.organization.employee(employeeId);
		if (employee.status() != EmploymentStatus.ACTIVE) {
			throw new ConflictException("not_active", "the employee is leaving or has left already",
					Map.of("status", employee.status().name()));
		}
		if (form.lastWorkingDay().isBefore(form.noticeDate())) {
			throw new InvalidInputException("lastWorkingDay", "must not be before the notice date");
		}
		long managerId = form.managerId() != null ? form.managerId()
				: employee.managerId() != null ? employee.managerId() : -1;
		this.successors.require(managerId, employeeId, "managerId");
		long caseId = this.cases.create(employeeId, managerId, form, CurrentEmployee.id());
		OffboardingCase offboarding = this.cases.find(caseId).orElseThrow();
		int planned = this.plan.propose(offboarding);
		this.organization.changeEmploymentStatus(employeeId, EmploymentStatus.LEAVING);
		Portfolios.TeamsJoined joined = this.portfolios.joinAllTeamsOf(employeeId, managerId, MemberAccess.WRITE,
				CurrentEmployee.id());
		this.plan.markManagerGrants(caseId, joined);
		int teams = joined.count();
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("employeeId", employeeId);
		facts.put("managerId", managerId);
		facts.put("lastWorkingDay", form.lastWorkingDay().toString());
		facts.put("customers", planned);
		facts.put("managerJoinedTeams", teams);
		this.audit.record(AuditAction.OFFBOARDING_CASE_CREATED, "offboarding_case", caseId, facts);
		this.events.publishEvent(new ResignationRecorded(caseId, employeeId, managerId, form.lastWorkingDay()));
		return this.details.of(offboarding, true);
	}

}
