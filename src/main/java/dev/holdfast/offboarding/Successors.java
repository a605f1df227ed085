package dev.holdfast.offboarding;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;

/**
 * Who can take over a leaver's customers (and be the manager of their case, who gets what
 * is left on the last day): an employee who exists, is ACTIVE (not serving notice), may
 * own customers ({@code customer.create}: never HR, auditors or customer service), is not
 * the leaver, and works on the leaver's line of the organisation (the leaver's manager,
 * or someone in the leaver's department or one above or below it): whoever records the
 * resignation or plans the handover can't hand a region's customers to another region.
 * The pickers list exactly these; the server refuses anyone else.
 */
@Component
class Successors {

	private final OrganizationManagement organization;

	Successors(OrganizationManagement organization) {
		this.organization = organization;
	}

	/** Refuses (400 on the field) anyone who can't take over the leaver's customers. */
	void require(long employeeId, long leaverId, String field) {
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
		if (!owners().contains(employeeId)) {
			throw new InvalidInputException(field,
					"the employee may not own customers (HR, auditors and customer service don't)");
		}
		EmployeeView leaver = this.organization.employee(leaverId);
		if (!onLeaversLine(successor, leaver, this.organization.onOneLineWith(leaver.departmentId()))) {
			throw new InvalidInputException(field,
					"the employee works outside the leaver's department and the departments above and below it");
		}
	}

	private static boolean onLeaversLine(EmployeeView successor, EmployeeView leaver, Predicate<Long> leaversLine) {
		return successor.id() == (leaver.managerId() == null ? -1 : leaver.managerId())
				|| leaversLine.test(successor.departmentId());
	}

	/** Everyone {@link #require} accepts for this leaver, for a picker. */
	List<EmployeeView> candidates(long leaverId) {
		Set<Long> owners = owners();
		EmployeeView leaver = this.organization.employee(leaverId);
		Predicate<Long> leaversLine = this.organization.onOneLineWith(leaver.departmentId());
		return this.organization.employees(owners)
			.stream()
			.filter(e -> e.status() == EmploymentStatus.ACTIVE && e.id() != leaverId)
			.filter(e -> onLeaversLine(e, leaver, leaversLine))
			.toList();
	}

	private Set<Long> owners() {
		return new HashSet<>(this.organization.activeHolders(Permission.CUSTOMER_CREATE, null));
	}

}
