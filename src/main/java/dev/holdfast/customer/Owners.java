package dev.holdfast.customer;

import java.util.Collection;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.organization.EmployeeView;
import dev.holdfast.organization.EmploymentStatus;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.NoticePeriodException;

/**
 * Who may own or join a customer, and the ownership history: old owner, new owner, when,
 * by whom and why.
 */
@Component
class Owners {

	private final OrganizationManagement organization;

	private final JdbcClient jdbc;

	Owners(OrganizationManagement organization, JdbcClient jdbc) {
		this.organization = organization;
		this.jdbc = jdbc;
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
			throw new InvalidInputException(field, "no such employee");
		}
		if (employee.status() == EmploymentStatus.LEAVING) {
			throw new NoticePeriodException("the employee is serving notice and can't take on customers");
		}
		if (employee.status() != EmploymentStatus.ACTIVE) {
			throw new InvalidInputException(field, "the employee is not active");
		}
	}

	void recordChange(long customerId, Long oldOwner, Long newOwner, long by, String reason) {
		this.jdbc
			.sql("""
					insert into customer_owner_history (customer_id, old_owner_id, new_owner_id, changed_by, reason, kind)
					values (:customer, :old, :new, :by, :reason,
					        case when :reason = 'created' then 'CREATED' when :reason like 'restored%' then 'RESTORE' else 'EDIT' end)""")
			.param("customer", customerId)
			.param("old", oldOwner)
			.param("new", newOwner)
			.param("by", by)
			.param("reason", reason)
			.update();
	}

	Map<Long, String> names(Collection<Long> ids) {
		return ids.isEmpty() ? Map.of() : this.organization.displayNames(ids);
	}

	String name(Long id) {
		return id == null ? null : this.organization.displayName(id);
	}

}
