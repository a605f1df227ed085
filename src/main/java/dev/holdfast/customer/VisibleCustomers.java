package dev.holdfast.customer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.holdfast.organization.OwnerScope;
import dev.holdfast.shared.CurrentEmployee;

/**
 * The visibility rule of {@link CustomerVisibility} as an SQL condition, for other
 * modules' set-based lists and reports over customers (complaints, care coverage): a
 * customer is visible when a scope of the caller covers its owner or the caller is an
 * unexpired team member.
 */
@Service
public class VisibleCustomers {

	private final CustomerVisibility visibility;

	VisibleCustomers(CustomerVisibility visibility) {
		this.visibility = visibility;
	}

	/**
	 * The condition on the customer row aliased {@code alias}, with the named parameters
	 * it needs ({@code visibleOwners}, {@code visibleMe}).
	 */
	public record Filter(String sql, Map<String, Object> params) {
	}

	/** The filter for the caller of the current request. */
	public Filter forCaller(String alias) {
		long me = CurrentEmployee.id();
		OwnerScope scope = this.visibility.scopeOfCaller();
		Map<String, Object> params = new HashMap<>();
		if (scope.all()) {
			return new Filter("true", params);
		}
		params.put("visibleOwners", scope.ownerIds().isEmpty() ? Set.of(me) : scope.ownerIds());
		params.put("visibleMe", me);
		String sql = "(" + alias + ".owner_id in (:visibleOwners) or exists (select 1 from customer_member vm"
				+ " where vm.customer_id = " + alias + ".id and vm.employee_id = :visibleMe and vm.removed_at is null"
				+ " and (vm.expires_at is null or vm.expires_at > now())))";
		return new Filter(sql, params);
	}

}
