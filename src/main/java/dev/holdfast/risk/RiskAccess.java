package dev.holdfast.risk;

import org.springframework.stereotype.Component;

import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.Permission;

/**
 * Who may see and act on risk data: holders of {@code risk.read} read everyone's;
 * managers read and act on those below them in the reporting line; administrators (who
 * manage roles) act on everyone's. Nobody acts on their own.
 */
@Component
class RiskAccess {

	private final RiskSubjects subjects;

	RiskAccess(RiskSubjects subjects) {
		this.subjects = subjects;
	}

	boolean readsAll() {
		return Permission.RISK_READ.isHeld();
	}

	/** Refuses callers who neither read risk data nor manage anyone. */
	void requireReader() {
		if (!readsAll() && !this.subjects.hasReports(CurrentEmployee.id())) {
			throw new ForbiddenException("risk data is for managers, administrators and auditors");
		}
	}

	void requireRead(long employeeId) {
		if (!readsAll() && !this.subjects.isAbove(CurrentEmployee.id(), employeeId)) {
			throw new ForbiddenException("risk data of this employee is for their managers and auditors");
		}
	}

	void requireAct(long employeeId) {
		long caller = CurrentEmployee.id();
		boolean administrator = Permission.ROLE_MANAGE.isHeld();
		if (caller == employeeId || (!administrator && !this.subjects.isAbove(caller, employeeId))) {
			throw new ForbiddenException("only the employee's managers or an administrator may do this");
		}
	}

}
