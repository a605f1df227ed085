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

	private final VisibleCustomers visible;

	OwnerCandidates(OrganizationManagement organization, VisibleCustomers visible) {
		this.organization = organization;
		this.visible = visible;
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

	/**
	 * The same, narrowed to those whose customers the caller's data scope covers, and the
	 * caller: whom a manager may give customers to that they then still see (the owners
	 * of imported customers).
	 */
	@Transactional(readOnly = true)
	public List<EmployeeView> inCallersScope() {
		List<EmployeeView> candidates = forCaller();
		VisibleCustomers.Owners scope = this.visible.ownersOfCaller();
		long me = CurrentEmployee.id();
		return candidates.stream().filter(e -> e.id() == me || scope.covers(e.id())).toList();
	}

	/** Orders a picker's employees with those of the department first. */
	public static Comparator<EmployeeView> ownDepartmentFirst(Long department) {
		return Comparator.comparing((EmployeeView e) -> !Objects.equals(e.departmentId(), department));
	}

}
