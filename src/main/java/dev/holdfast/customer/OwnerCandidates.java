package dev.holdfast.customer;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.organization.OwnerScope;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.Permission;

/**
 * Whom the caller may make the owner of customers they bring in (an import's rows and its
 * choice of owner), by the rule {@link MovedInCustomers} enforces: themselves, or an
 * employee who may own customers (active, in a sales role) and whom the caller's data
 * scope covers, which also takes the transfer permission. Asked before anything is
 * written, so that a preview can refuse a row and a commit its choice field by field.
 */
@Service
public class OwnerCandidates {

	static final String OUTSIDE_SCOPE = "the employee is outside your data scope";

	static final String NO_TRANSFER = "giving customers to someone else takes the transfer permission";

	private final Owners owners;

	private final CustomerVisibility visibility;

	OwnerCandidates(Owners owners, CustomerVisibility visibility) {
		this.owners = owners;
		this.visibility = visibility;
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

}
