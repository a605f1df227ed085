package dev.holdfast.customer;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.Permission;

/**
 * Whom customers can be given to, for a picker (a transfer, the owner on the customer
 * form, the owner of imported customers): ACTIVE employees who may own customers, never
 * HR, auditors or customer service, the caller's own department first; exactly whom
 * {@link Owners#requireOwner} accepts.
 */
@Component
public class OwnerCandidates {

	private final OrganizationManagement organization;

	OwnerCandidates(OrganizationManagement organization) {
		this.organization = organization;
	}

	@Transactional(readOnly = true)
	public List<EmployeeView> forCaller() {
		Long department = this.organization.employee(CurrentEmployee.id()).departmentId();
		return this.organization.employees(this.organization.activeHolders(Permission.CUSTOMER_CREATE, null))
			.stream()
			.filter(e -> e.status() == EmploymentStatus.ACTIVE)
			.sorted(ownDepartmentFirst(department))
			.toList();
	}

	/** Orders a picker's employees with those of the department first. */
	public static Comparator<EmployeeView> ownDepartmentFirst(Long department) {
		return Comparator.comparing((EmployeeView e) -> !Objects.equals(e.departmentId(), department));
	}

}
