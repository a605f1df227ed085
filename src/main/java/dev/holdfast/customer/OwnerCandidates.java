package dev.holdfast.customer;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.organization.OwnerScope;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.Permission;

/**
 * Whom customers can be given to. For every owner picker (a transfer, the owner on the
 * customer form): ACTIVE employees who may own customers, never HR, auditors or customer
 * service, the caller's own department first; exactly whom {@link Owners#requireOwner}
 * accepts. For customers the caller brings in (an import's rows and its choice of owner),
 * by the rule {@link MovedInCustomers} enforces: themselves, or such an employee whom the
 * caller's data scope covers, which also takes the transfer permission; asked before
 * anything is written, so that a preview can refuse a row and a commit its choice field
 * by field, and the import's picker offers exactly those.
 */
@Service
public class OwnerCandidates {

	static final String OUTSIDE_SCOPE = "the employee is outside your data scope";

	static final String NO_TRANSFER = "giving customers to someone else takes the transfer permission";

	private final OrganizationManagement organization;

	private final Owners owners;

	private final CustomerVisibility visibility;

	OwnerCandidates(OrganizationManagement organization, Owners owners, CustomerVisibility visibility) {
		this.organization = organization;
		this.owners = owners;
		this.visibility = visibility;
	}

	/** Everyone who may own customers, the caller's own department first. */
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
	 * Those of {@link #forCaller()} whose customers the caller's data scope covers: the
	 * customer list's owner filter, which must not list the whole company to a manager of
	 * one region.
	 */
	@Transactional(readOnly = true)
	public List<EmployeeView> inCallersScope() {
		return inCallersScope(forCaller());
	}

	/**
	 * {@link #inCallersScope()} from the candidates {@link #forCaller()} has already
	 * given, for a page that shows both pickers (the customer list: the bulk transfer and
	 * the owner filter), so that the company's employees are read once.
	 */
	public List<EmployeeView> inCallersScope(List<EmployeeView> candidates) {
		OwnerScope scope = this.visibility.scopeOfCaller();
		return candidates.stream().filter(e -> scope.covers(e.id())).toList();
	}

	/**
	 * Those of {@link #forCaller()} the caller may give the customers they bring in to
	 * ({@link #refused} says nothing against them).
	 */
	@Transactional(readOnly = true)
	public List<EmployeeView> forCustomersBroughtIn() {
		List<EmployeeView> candidates = forCaller();
		Map<Long, String> refused = refused(candidates.stream().map(EmployeeView::id).toList());
		return candidates.stream().filter(e -> !refused.containsKey(e.id())).toList();
	}

	/**
	 * Why each of the employees may not be given the caller's customers; empty when all
	 * may.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> refused(Collection<Long> employeeIds) {
		long me = CurrentEmployee.id();
		Map<Long, String> refused = new HashMap<>(this.owners.refusedOwners(employeeIds));
		OwnerScope scope = this.visibility.scopeOfCaller();
		boolean transfer = Permission.CUSTOMER_TRANSFER.isHeld();
		for (Long id : employeeIds) {
			if (id != me && !scope.covers(id)) {
				refused.putIfAbsent(id, OUTSIDE_SCOPE);
			}
			if (id != me && !transfer) {
				refused.putIfAbsent(id, NO_TRANSFER);
			}
		}
		return refused;
	}

	/**
	 * Refuses (400 at the field) an employee who may not own customers: not ACTIVE,
	 * serving notice, or without the permission to have customers.
	 */
	public void requireOwner(long employeeId, String field) {
		this.owners.requireOwner(employeeId, field);
	}

	/** Orders a picker's employees with those of the department first. */
	public static Comparator<EmployeeView> ownDepartmentFirst(Long department) {
		return Comparator.comparing((EmployeeView e) -> !Objects.equals(e.departmentId(), department));
	}

}
