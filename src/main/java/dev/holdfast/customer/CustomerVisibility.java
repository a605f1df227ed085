package dev.holdfast.customer;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import dev.holdfast.organization.DataScopes;
import dev.holdfast.organization.OwnerScope;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;

/**
 * The one visibility policy. A caller sees a customer if they own it, are an unexpired
 * team member, or one of their roles' data scopes covers its owner. They may change it if
 * they own it, are a WRITE member, or a scope covers the owner and they hold
 * {@code customer.edit}. A personal canary is seen by its one employee only. Every path
 * to customer data asks this class; lists use the same rule in SQL: customer's own
 * through {@link CustomerSearch}, other modules' through {@link VisibleCustomers} on the
 * published view {@code customer_directory}.
 */
@Service
public class CustomerVisibility {

	private static final String SCOPE_ATTRIBUTE = CustomerVisibility.class.getName() + ".scope";

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final ObjectProvider<PoolReaders> poolReaders;

	CustomerVisibility(JdbcClient jdbc, DataScopes scopes, ObjectProvider<PoolReaders> poolReaders) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.poolReaders = poolReaders;
	}

	/**
	 * The caller's access to a customer; NONE also for a customer that does not exist.
	 */
	@Transactional(readOnly = true)
	public CustomerAccess accessTo(long customerId) {
		long me = CurrentEmployee.id();
		Map<String, Object> row = this.jdbc.sql("""
				select c.owner_id, c.canary_owner_id,
				       (select m.access from customer_member m
				        where m.customer_id = c.id and m.employee_id = :me and m.removed_at is null
				          and (m.expires_at is null or m.expires_at > now())) as member_access
				from customer c where c.id = :id""")
			.param("me", me)
			.param("id", customerId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
		if (row == null) {
			return CustomerAccess.NONE;
		}
		CustomerAccess access = beyondPool(row, me, scopeOfCaller());
		Object owner = row.get("owner_id");
		return access == CustomerAccess.NONE && owner == null && row.get("canary_owner_id") == null
				&& inVisiblePool(customerId, me) ? CustomerAccess.POOL : access;
	}

	/** The caller's access by ownership, membership and scope: all but the pool's. */
	private static CustomerAccess beyondPool(Map<String, Object> row, long me, OwnerScope scope) {
		if (row.get("canary_owner_id") instanceof Number canaryOwner) {
			// a personal canary: its one employee alone, whatever anyone's scope
			return canaryOwner.longValue() == me ? CustomerAccess.WRITE : CustomerAccess.NONE;
		}
		Long owner = row.get("owner_id") == null ? null : ((Number) row.get("owner_id")).longValue();
		String member = (String) row.get("member_access");
		boolean covered = scope.covers(owner);
		if ((owner != null && owner == me) || "WRITE".equals(member)
				|| (covered && Permission.CUSTOMER_EDIT.isHeld())) {
			return CustomerAccess.WRITE;
		}
		return covered || member != null ? CustomerAccess.READ : CustomerAccess.NONE;
	}

	/**
	 * Of many customers, those the caller may not change (by the rule of
	 * {@link #accessTo}, in one query): for work on a whole chunk at once.
	 */
	@Transactional(readOnly = true)
	public Set<Long> notWritable(Collection<Long> customerIds) {
		if (customerIds.isEmpty()) {
			return Set.of();
		}
		long me = CurrentEmployee.id();
		OwnerScope scope = scopeOfCaller();
		Set<Long> refused = new HashSet<>(customerIds);
		this.jdbc.sql("""
				select c.id, c.owner_id, c.canary_owner_id,
				       (select m.access from customer_member m
				        where m.customer_id = c.id and m.employee_id = :me and m.removed_at is null
				          and (m.expires_at is null or m.expires_at > now())) as member_access
				from customer c where c.id = any(:ids::bigint[])""")
			.param("me", me)
			.param("ids", customerIds.toArray(Long[]::new))
			.query()
			.listOfRows()
			.stream()
			.filter(row -> beyondPool(row, me, scope).canWrite())
			.forEach(row -> refused.remove(((Number) row.get("id")).longValue()));
		return refused;
	}

	private boolean inVisiblePool(long customerId, long me) {
		PoolReaders readers = this.poolReaders.getIfAvailable();
		return readers != null && readers.mayRead(customerId, me);
	}

	/** Refuses with 404 unless the caller may see the customer. */
	public CustomerAccess requireVisible(long customerId) {
		CustomerAccess access = accessTo(customerId);
		if (!access.canRead()) {
			throw new NotFoundException("customer");
		}
		return access;
	}

	/**
	 * Refuses with 404 unless the caller sees the customer otherwise than through a
	 * public pool: for its history and team, which name previous owners.
	 */
	public CustomerAccess requireVisibleBeyondPool(long customerId) {
		CustomerAccess access = requireVisible(customerId);
		if (access == CustomerAccess.POOL) {
			throw new NotFoundException("customer");
		}
		return access;
	}

	/**
	 * Refuses with 404 when the caller may not see the customer, 403 when they may see
	 * but not change it.
	 */
	public void requireWritable(long customerId) {
		if (!requireVisible(customerId).canWrite()) {
			throw new ForbiddenException("you may see this customer but not change it");
		}
	}

	/**
	 * The owners whose customers the caller sees through their scopes, worked out once
	 * per request.
	 */
	OwnerScope scopeOfCaller() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null
				&& request.getAttribute(SCOPE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof OwnerScope scope) {
			return scope;
		}
		OwnerScope scope = this.scopes.ownerScopeOf(CurrentEmployee.id());
		if (request != null) {
			request.setAttribute(SCOPE_ATTRIBUTE, scope, RequestAttributes.SCOPE_REQUEST);
		}
		return scope;
	}

}
