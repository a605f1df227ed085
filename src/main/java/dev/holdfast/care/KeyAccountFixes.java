package dev.holdfast.care;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.MemberAccess;
import dev.holdfast.customer.MemberForm;
import dev.holdfast.customer.TeamManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.audit.AuditAction;

/**
 * Fixes one key customer's team in a transaction of its own: the owner's manager joins
 * with WRITE access, or a chosen customer service employee with READ access, through the
 * customer module's team management (which checks the caller may manage the team and
 * refuses employees who are leaving or gone, and audits the membership).
 */
@Component
class KeyAccountFixes {

	private final TeamManagement teams;

	private final Visitors visitors;

	private final AuditTrail audit;

	KeyAccountFixes(TeamManagement teams, Visitors visitors, AuditTrail audit) {
		this.teams = teams;
		this.visitors = visitors;
		this.audit = audit;
	}

	@Transactional
	public KeyAccountFix fix(KeyAccountViolation violation, Long serviceEmployeeId) {
		long employee;
		MemberAccess access;
		if (serviceEmployeeId != null) {
			if (!this.visitors.isVisitor(serviceEmployeeId)) {
				throw new InvalidInputException("employeeId", "must be an active customer service employee");
			}
			employee = serviceEmployeeId;
			access = MemberAccess.READ;
		}
		else if (violation.managerId() != null) {
			employee = violation.managerId();
			access = MemberAccess.WRITE;
		}
		else {
			throw new ConflictException("no_manager",
					"the owner has no active manager: choose a customer service employee");
		}
		this.teams.put(violation.customerId(), employee, new MemberForm(access, null));
		this.audit.record(AuditAction.KEY_ACCOUNT_FIXED, "customer", violation.customerId(),
				Map.of("employeeId", employee, "access", access.name(), "peopleBefore", violation.people()));
		return KeyAccountFix.fixed(violation.customerId(), employee, access.name());
	}

}
