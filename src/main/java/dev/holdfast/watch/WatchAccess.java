package dev.holdfast.watch;

import org.springframework.stereotype.Component;

import dev.holdfast.organization.DataScopes;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.Permission;

/**
 * Who may see a former employee's watch: whoever reads the audit trail (administrators,
 * auditors), and a manager running offboarding whose data scope covers the former
 * employee (as for their offboarding case); never the former employee themself.
 */
@Component
class WatchAccess {

	private final DataScopes scopes;

	WatchAccess(DataScopes scopes) {
		this.scopes = scopes;
	}

	boolean maySee(long employeeId) {
		long me = CurrentEmployee.id();
		if (me == employeeId) {
			return false;
		}
		if (Permission.AUDIT_READ.isHeld()) {
			return true;
		}
		return Permission.OFFBOARDING_EXECUTE.isHeld() && this.scopes.ownerScopeOf(me).covers(employeeId);
	}

}
