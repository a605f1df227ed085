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
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;

/**
 * Whom customers can be given to. Every owner picker of the customers (a transfer, a bulk
 * transfer, the owner on the customer form, an import's owner) and the services behind
 * them follow one rule ({@link #recipients()}, {@link #requireRecipient},
 * {@link #refused} for many at once): the caller themselves, or, with the transfer
 * permission, an ACTIVE employee who may own customers ({@link Owners#requireOwner}:
 * never HR, auditors or customer service) and whom the caller's data scope covers; asked
 * before anything is written, so that an import's preview can refuse a row and a commit
 * its choice field by field. {@link #forCaller()} is the company-wide list the rotations
 * start from.
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
		return activeOwnDepartmentFirst(this.organization.activeHolders(Permission.CUSTOMER_CREATE, null));
	}

	/**
	 * Whom the caller may give customers to, by a transfer, as owner on the customer form
	 * or for the customers they bring in: themselves, and with the transfer permission
	 * the ACTIVE employees who may own customers and whom their data scope covers
	 * ({@link #refused} says nothing against them; {@link #requireRecipient} accepts
	 * them), the caller's own department first. Only these employees are read: a manager
	 * of one region does not load the company.
	 */
	@Transactional(readOnly = true)
	public List<EmployeeView> recipients() {
		return activeOwnDepartmentFirst(recipientIds());
	}

	/** The ACTIVE ones of these employees, the caller's own department first. */
	private List<EmployeeView> activeOwnDepartmentFirst(List<Long> ids) {
		Long department = this.organization.employee(CurrentEmployee.id()).departmentId();
		return this.organization.employees(ids)
			.stream()
			.filter(e -> e.status() == EmploymentStatus.ACTIVE)
			.sorted(ownDepartmentFirst(department))
			.toList();
	}

	/**
	 * The ids of {@link #recipients()} in id order, without reading the employees: for a
	 * picker that needs only their labels (the customer list's owner filter).
	 */
	@Transactional(readOnly = true)
	public List<Long> recipientIds() {
		long me = CurrentEmployee.id();
		OwnerScope scope = this.visibility.scopeOfCaller();
		boolean transfer = Permission.CUSTOMER_TRANSFER.isHeld();
		return this.organization.activeHolders(Permission.CUSTOMER_CREATE, null)
			.stream()
			.filter(id -> id == me || (transfer && scope.covers(id)))
			.toList();
	}

	/** {@link #recipients()}: the owners an import's customers may be given to. */
	@Transactional(readOnly = true)
	public List<EmployeeView> forCustomersBroughtIn() {
		return recipients();
	}

	/**
	 * Refuses (400 at the field) an employee the caller may not give customers to:
	 * {@link #requireOwner}'s rule, and anyone but the caller must be in the caller's
	 * data scope, the caller holding the transfer permission; what {@link #recipients()}
	 * offers. The scope is asked first: of an employee outside it the caller learns no
	 * more (whether they exist, serve notice, have left or may own customers at all).
	 */
	@Transactional(readOnly = true)
	public void requireRecipient(long employeeId, String field) {
		if (employeeId != CurrentEmployee.id()) {
			if (!Permission.CUSTOMER_TRANSFER.isHeld()) {
				throw new InvalidInputException(field, NO_TRANSFER);
			}
			if (!this.visibility.scopeOfCaller().covers(employeeId)) {
				throw new InvalidInputException(field, OUTSIDE_SCOPE);
			}
		}
		requireOwner(employeeId, field);
	}

	/**
	 * Why each of the employees may not be given the caller's customers; empty when all
	 * may.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> refused(Collection<Long> employeeIds) {
		long me = CurrentEmployee.id();
		Map<Long, String> refused = new HashMap<>();
		OwnerScope scope = this.visibility.scopeOfCaller();
		boolean transfer = Permission.CUSTOMER_TRANSFER.isHeld();
		for (Long id : employeeIds) {
			if (id != me && !scope.covers(id)) {
				refused.put(id, OUTSIDE_SCOPE);
			}
			else if (id != me && !transfer) {
				refused.put(id, NO_TRANSFER);
			}
		}
		// the owner rule only for those in scope (as requireRecipient)
		this.owners.refusedOwners(employeeIds).forEach(refused::putIfAbsent);
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
