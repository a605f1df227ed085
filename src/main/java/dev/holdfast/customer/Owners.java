package dev.holdfast.customer;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.transfer.TransferLimit;
import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.NoticePeriodException;
import dev.holdfast.shared.Permission;

/**
 * Who may own or join a customer. The ownership history (old owner, new owner, when, by
 * whom and why) is written by {@link Ownership}.
 */
@Component
public class Owners {

	private static final String NO_SUCH_EMPLOYEE = "no such employee";

	private static final String SERVING_NOTICE = "the employee is serving notice and can't take on customers";

	private static final String NOT_ACTIVE = "the employee is not active";

	private static final String MAY_NOT_OWN = "the employee may not own customers (HR, auditors and customer service don't)";

	private final OrganizationManagement organization;

	private final TransferLimit limit;

	Owners(OrganizationManagement organization, TransferLimit limit) {
		this.organization = organization;
		this.limit = limit;
	}

	/**
	 * An employee who can take on customers: exists and is ACTIVE (not serving notice,
	 * not gone).
	 */
	void requireAssignable(long employeeId, String field) {
		EmployeeView employee;
		try {
			employee = this.organization.employee(employeeId);
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException(field, NO_SUCH_EMPLOYEE);
		}
		if (employee.status() == EmploymentStatus.LEAVING) {
			throw new NoticePeriodException(SERVING_NOTICE);
		}
		if (employee.status() != EmploymentStatus.ACTIVE) {
			throw new InvalidInputException(field, NOT_ACTIVE);
		}
	}

	/**
	 * An employee who can be a customer's owner: assignable, and holding
	 * {@code customer.create} through a role (never HR, auditors or customer service).
	 */
	public void requireOwner(long employeeId, String field) {
		requireAssignable(employeeId, field);
		if (!this.organization.activeHolders(Permission.CUSTOMER_CREATE, null).contains(employeeId)) {
			throw new InvalidInputException(field, MAY_NOT_OWN);
		}
	}

	/**
	 * {@link #requireOwner}'s rule for many employees at once (customers brought in): why
	 * each refused one may not own customers; empty when all may.
	 */
	Map<Long, String> refusedOwners(Collection<Long> employeeIds) {
		Map<Long, String> refused = new HashMap<>();
		if (employeeIds.isEmpty()) {
			return refused;
		}
		Map<Long, EmploymentStatus> status = new HashMap<>();
		this.organization.employees(employeeIds).forEach(e -> status.put(e.id(), e.status()));
		Set<Long> owners = new HashSet<>(this.organization.activeHolders(Permission.CUSTOMER_CREATE, null));
		for (Long id : employeeIds) {
			EmploymentStatus found = status.get(id);
			String why = found == null ? NO_SUCH_EMPLOYEE : found == EmploymentStatus.LEAVING ? SERVING_NOTICE
					: found != EmploymentStatus.ACTIVE ? NOT_ACTIVE : owners.contains(id) ? null : MAY_NOT_OWN;
			if (why != null) {
				refused.put(id, why);
			}
		}
		return refused;
	}

	/** The ACTIVE employees whose work is customers: sales and customer service. */
	Set<Long> customerWorkers() {
		Set<Long> workers = new HashSet<>(this.organization.activeHolders(Permission.CUSTOMER_CREATE, null));
		workers.addAll(this.organization.activeHolders(Permission.CARE_VISIT, null));
		return workers;
	}

	/**
	 * Refuses a team member whose work is not customers: only those who may own customers
	 * (sales) or visit them (customer service, for key accounts) join a customer's team;
	 * HR and auditors never read customers through a membership.
	 */
	void requireTeamMember(long employeeId, String field) {
		requireAssignable(employeeId, field);
		if (!customerWorkers().contains(employeeId)) {
			throw new InvalidInputException(field,
					"the employee's work does not involve customers (HR and auditors can't join a customer's team)");
		}
	}

	/**
	 * Refuses (409 {@code transfer_limit}, listing them) when any of the customers has
	 * changed hands too often lately.
	 */
	public void requireUnderTransferLimit(Collection<Long> customerIds) {
		this.limit.requireAll(customerIds);
	}

	Map<Long, String> names(Collection<Long> ids) {
		return ids.isEmpty() ? Map.of() : this.organization.displayNames(ids);
	}

	public String name(Long id) {
		return id == null ? null : this.organization.displayName(id);
	}

}
