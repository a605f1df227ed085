package dev.holdfast.customer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.holdfast.organization.DataScopes;
import dev.holdfast.organization.OwnerScope;
import dev.holdfast.shared.CurrentEmployee;

/**
 * The visibility rule of {@link CustomerVisibility} published for other modules'
 * set-based lists and reports over customers (reminders, complaints, care coverage, the
 * dashboard, the pool): a customer is visible when a data scope of the employee covers
 * its owner or the employee is an unexpired team member. Other modules join the published
 * view {@code customer_directory} and add {@link #forCaller} (or {@link #forEmployee} for
 * a job working for someone) as its condition, or ask {@link #ownersOfCaller} whose
 * customers the caller sees; none of them reads data scopes themselves (issue 12, "one
 * visibility rule"; {@code VisibilityRuleTests}).
 */
@Service
public class VisibleCustomers {

	private final CustomerVisibility visibility;

	private final DataScopes scopes;

	VisibleCustomers(CustomerVisibility visibility, DataScopes scopes) {
		this.visibility = visibility;
		this.scopes = scopes;
	}

	/**
	 * The condition on the customer row aliased {@code alias}, with the named parameters
	 * it needs ({@code visibleOwners}, {@code visibleMe}).
	 */
	public record Filter(String sql, Map<String, Object> params) {
	}

	/**
	 * The owners whose customers someone sees through their data scopes: everyone, or a
	 * set of employee ids (always including themselves).
	 */
	public record Owners(boolean all, Set<Long> ids) {

		public Owners {
			ids = Set.copyOf(ids);
		}

		/** Everyone's customers. */
		public static Owners everyone() {
			return new Owners(true, Set.of());
		}

		/** The customers of these owners only. */
		public static Owners of(Set<Long> ids) {
			return new Owners(false, ids);
		}

		/** Whether the customers the employee owns are among them. */
		public boolean covers(Long ownerId) {
			return this.all || (ownerId != null && this.ids.contains(ownerId));
		}

	}

	/** The filter for the caller of the current request. */
	public Filter forCaller(String alias) {
		return filter(CurrentEmployee.id(), this.visibility.scopeOfCaller(), alias);
	}

	/**
	 * The filter for another employee than the caller: for a scheduled job that prepares
	 * someone's reminders.
	 */
	public Filter forEmployee(long employeeId, String alias) {
		return filter(employeeId, this.scopes.ownerScopeOf(employeeId), alias);
	}

	/** The owners whose customers the caller sees through their data scopes. */
	public Owners ownersOfCaller() {
		return owners(this.visibility.scopeOfCaller());
	}

	/** The owners whose customers the employee sees through their data scopes. */
	public Owners ownersOf(long employeeId) {
		return owners(this.scopes.ownerScopeOf(employeeId));
	}

	private static Owners owners(OwnerScope scope) {
		return scope.all() ? Owners.everyone() : Owners.of(scope.ownerIds());
	}

	private static Filter filter(long me, OwnerScope scope, String alias) {
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
