package dev.holdfast.offboarding;

import org.springframework.stereotype.Component;

import dev.holdfast.organization.DataScopes;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;

/**
 * Who may see and run an offboarding case. HR and administrators (offboarding and
 * employee management) run every case; a manager runs the case they take over, or a case
 * of someone in their data scope; the leaver sees their own case and writes its notes.
 * Anyone else gets 404, as if there were no case.
 */
@Component
class CaseAccess {

	private final DataScopes scopes;

	private final Cases cases;

	private final HoldfastClock clock;

	CaseAccess(DataScopes scopes, Cases cases, HoldfastClock clock) {
		this.scopes = scopes;
		this.cases = cases;
		this.clock = clock;
	}

	/**
	 * The case, if the caller may write its handover notes now: the leaver and whoever
	 * runs the case, before and after the handover, until the last working day is over
	 * (409 {@code notes_closed} after it, as after a departure).
	 */
	OffboardingCase notesWritable(long caseId) {
		OffboardingCase offboarding = readable(caseId);
		if (!notesOpen(offboarding)) {
			throw new ConflictException("notes_closed",
					"the last working day is over; handover notes can no longer be written");
		}
		return offboarding;
	}

	boolean notesOpen(OffboardingCase offboarding) {
		return offboarding.open() && !this.clock.today().isAfter(offboarding.lastWorkingDay());
	}

	/** The case, if the caller may see it; 404 otherwise, as for a case that isn't. */
	OffboardingCase readable(long caseId) {
		OffboardingCase offboarding = this.cases.find(caseId).orElseThrow(() -> new NotFoundException("case"));
		requireReadable(offboarding);
		return offboarding;
	}

	/** The case, if the caller may run it; 404 or 403 otherwise. */
	OffboardingCase manageable(long caseId) {
		// before the look-up: a manager serving notice runs no handover, whichever case
		GuardedAction.RUN_HANDOVER.check();
		OffboardingCase offboarding = this.cases.find(caseId).orElseThrow(() -> new NotFoundException("case"));
		requireManager(offboarding);
		GuardedAction.RUN_HANDOVER.require();
		return offboarding;
	}

	boolean mayManage(OffboardingCase offboarding) {
		if (!Permission.OFFBOARDING_EXECUTE.isHeld()) {
			return false;
		}
		long me = CurrentEmployee.id();
		return Permission.EMPLOYEE_MANAGE.isHeld() || offboarding.managerId() == me
				|| (offboarding.employeeId() != me && this.scopes.ownerScopeOf(me).covers(offboarding.employeeId()));
	}

	boolean isLeaver(OffboardingCase offboarding) {
		return offboarding.employeeId() == CurrentEmployee.id();
	}

	void requireReadable(OffboardingCase offboarding) {
		if (!isLeaver(offboarding) && !mayManage(offboarding)) {
			throw new NotFoundException("offboarding case");
		}
	}

	void requireManager(OffboardingCase offboarding) {
		requireReadable(offboarding);
		if (!mayManage(offboarding)) {
			throw new ForbiddenException("only a manager, HR or an administrator may do this");
		}
	}

}
