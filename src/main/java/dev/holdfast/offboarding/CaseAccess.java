package dev.holdfast.offboarding;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.CustomerAccess;
import dev.holdfast.customer.CustomerVisibility;
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
 * Anyone else gets 404, as if there were no case. The text of a note is the customer's:
 * besides its author, only those who run the case and see the customer read it (HR learns
 * only that it exists).
 */
@Component
class CaseAccess {

	private final DataScopes scopes;

	private final Cases cases;

	private final HoldfastClock clock;

	private final CustomerVisibility customers;

	CaseAccess(DataScopes scopes, Cases cases, HoldfastClock clock, CustomerVisibility customers) {
		this.customers = customers;
		this.scopes = scopes;
		this.cases = cases;
		this.clock = clock;
	}

	/**
	 * The case, if the caller may write its handover notes now: the leaver alone (403 for
	 * whoever else sees the case: HR, the manager, an administrator), before and after
	 * the handover, until the last working day is over (409 {@code notes_closed} after
	 * it, as after a departure).
	 */
	OffboardingCase notesWritable(long caseId) {
		OffboardingCase offboarding = readable(caseId);
		if (!isLeaver(offboarding)) {
			throw new ForbiddenException("only the leaver writes their handover notes");
		}
		if (!notesOpen(offboarding)) {
			throw new ConflictException("notes_closed",
					"the last working day is over; handover notes can no longer be written");
		}
		return offboarding;
	}

	/** Whether the caller writes the case's notes now (see {@link #notesWritable}). */
	boolean writesNotes(OffboardingCase offboarding) {
		return isLeaver(offboarding) && notesOpen(offboarding);
	}

	/**
	 * Whether the caller, who sees the case, may read the text of its note on a customer:
	 * its author, or who runs the case and sees the customer beyond a public pool.
	 */
	boolean readsNoteText(OffboardingCase offboarding, long customerId) {
		if (isLeaver(offboarding)) {
			return true;
		}
		if (!mayManage(offboarding)) {
			return false;
		}
		CustomerAccess access = this.customers.accessTo(customerId);
		return access.canRead() && access != CustomerAccess.POOL;
	}

	/**
	 * The case, if the caller may read its note texts on a customer; 404 or 403
	 * otherwise.
	 */
	OffboardingCase noteTextReadable(long caseId, long customerId) {
		OffboardingCase offboarding = readable(caseId);
		if (!readsNoteText(offboarding, customerId)) {
			throw new ForbiddenException("the text of a handover note is customer data");
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
