package dev.holdfast.offboarding;

import org.springframework.stereotype.Component;

import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;

/**
 * Who can take over a leaver's customers: an employee who exists, is ACTIVE, and is not
 * the leaver.
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
	}

}
