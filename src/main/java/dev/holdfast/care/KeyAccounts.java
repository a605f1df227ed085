package dev.holdfast.care;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.customer.VisibleCustomers;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.Permission;

/**
 * The key-account team policy: every customer of the key levels
 * ({@code holdfast.care.key-accounts.levels}, default A) has at least {@code min-people}
 * (default 2) people on it, the owner plus a manager or customer service on the team.
 * Lists the violations a manager may see and fixes them one by one or all at once; fixing
 * is idempotent (a customer that meets the policy is left alone).
 */
@Service
public class KeyAccounts {

	private static final int LIMIT = 500;

	private final KeyAccountRows rows;

	private final KeyAccountFixes fixes;

	private final VisibleCustomers visible;

	private final CustomerVisibility visibility;

	private final OrganizationManagement organization;

	private final CareProperties properties;

	private final CustomerReads reads;

	KeyAccounts(KeyAccountRows rows, KeyAccountFixes fixes, VisibleCustomers visible, CustomerVisibility visibility,
			OrganizationManagement organization, CareProperties properties, CustomerReads reads) {
		this.reads = reads;
		this.rows = rows;
		this.fixes = fixes;
		this.visible = visible;
		this.visibility = visibility;
		this.organization = organization;
		this.properties = properties;
	}

	/** The violations among the customers the caller may see (at most 500). */
	@Transactional(readOnly = true)
	public List<KeyAccountViolation> violations(Long departmentId) {
		requireReader();
		List<KeyAccountViolation> found = find(departmentId, null);
		this.reads.rows(found.size());
		return named(found);
	}

	/**
	 * Fixes one customer: {@code serviceEmployeeId} joins with READ access, or by default
	 * the owner's manager with WRITE access (409 {@code no_manager} without one).
	 */
	public KeyAccountFix fix(long customerId, Long serviceEmployeeId) {
		this.visibility.requireVisible(customerId);
		requireReader();
		List<KeyAccountViolation> found = find(null, customerId);
		return found.isEmpty() ? KeyAccountFix.alreadyMet(customerId) : this.fixes.fix(found.get(0), serviceEmployeeId);
	}

	/**
	 * Fixes every violation the caller sees (in the department, if given) with the
	 * default fix, each on its own; those that can't be fixed are skipped with the
	 * reason.
	 */
	public List<KeyAccountFix> fixAll(Long departmentId) {
		requireReader();
		List<KeyAccountFix> done = new ArrayList<>();
		for (KeyAccountViolation violation : find(departmentId, null)) {
			if (violation.managerId() == null) {
				done.add(KeyAccountFix.skipped(violation.customerId(), "no_manager"));
				continue;
			}
			try {
				done.add(this.fixes.fix(violation, null));
			}
			catch (ConflictException ex) {
				done.add(KeyAccountFix.skipped(violation.customerId(), ex.error()));
			}
			catch (ForbiddenException ex) {
				// e.g. the manager is serving notice, or the caller may not manage this
				// team
				done.add(KeyAccountFix.skipped(violation.customerId(), ex.code()));
			}
			catch (InvalidInputException ex) {
				done.add(KeyAccountFix.skipped(violation.customerId(), "invalid"));
			}
		}
		return done;
	}

	private List<KeyAccountViolation> find(Long departmentId, Long customerId) {
		KeyCustomerSql key = KeyCustomerSql.of(this.properties.keyAccounts().levels(), departmentId,
				this.visible.forCaller("c"));
		return this.rows.violations(key, this.properties.keyAccounts().minPeople(), customerId, LIMIT);
	}

	private static void requireReader() {
		if (!Permission.DASHBOARD_READ.isHeld()) {
			Permission.CARE_RECORD.require();
		}
	}

	private List<KeyAccountViolation> named(List<KeyAccountViolation> violations) {
		Set<Long> ids = new HashSet<>();
		violations.forEach(v -> {
			ids.add(v.ownerId());
			if (v.managerId() != null) {
				ids.add(v.managerId());
			}
		});
		Map<Long, String> names = this.organization.displayNames(ids);
		return violations.stream()
			.map(v -> new KeyAccountViolation(v.customerId(), v.name(), v.level(), v.ownerId(), names.get(v.ownerId()),
					v.people(), v.required(), v.managerId(), names.get(v.managerId())))
			.toList();
	}

}
