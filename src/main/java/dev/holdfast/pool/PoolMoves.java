package dev.holdfast.pool;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.OwnerChangeKind;

/**
 * Ownership moves into and out of a pool, one customer at a time, written as
 * {@code Portfolios.reassign} writes them: owner and version change, one ownership
 * history row, and a new owner's own team membership ends. Each is a conditional update,
 * so of two concurrent claims exactly one finds the customer still ownerless.
 */
@Component
class PoolMoves {

	private final JdbcClient jdbc;

	PoolMoves(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Gives an ownerless customer to a new owner; false if it has one by now. */
	boolean take(long customerId, long newOwnerId, OwnerChangeKind kind, String reason, long by) {
		return this.jdbc
			.sql("""
					with taken as (
					    update customer set owner_id = :owner, version = version + 1, updated_at = now(), updated_by = :by
					    where id = :id and owner_id is null and archived_at is null and canary_owner_id is null
					    returning id),
					history as (
					    insert into customer_owner_history (customer_id, old_owner_id, new_owner_id, changed_by, reason, kind)
					    select id, null, :owner, :by, :reason, :kind from taken),
					left_pool as (update pool_entry set left_at = now() where customer_id in (select id from taken)),
					joined as (
					    update customer_member m set removed_at = now(), removed_by = :by
					    from taken where m.customer_id = taken.id and m.employee_id = :owner and m.removed_at is null)
					select count(*) from taken""")
			.param("id", customerId)
			.param("owner", newOwnerId)
			.param("by", by)
			.param("reason", reason)
			.param("kind", kind.name())
			.query(Long.class)
			.single() == 1;
	}

	/**
	 * Returns a customer from its owner to the pool of the owner's department; the pool's
	 * id, or null if someone else owns it by now.
	 */
	Long release(long customerId, long ownerId, String reason, long by) {
		return this.jdbc
			.sql("""
					with moved as (
					    update customer set owner_id = null, version = version + 1, updated_at = now(), updated_by = :by
					    where id = :id and owner_id = :owner
					    returning id),
					history as (
					    insert into customer_owner_history (customer_id, old_owner_id, new_owner_id, changed_by, reason, kind)
					    select id, :owner, null, :by, :reason, 'POOL_RETURN' from moved),
					entered as (
					    insert into pool_entry (customer_id, pool_id, previous_owner_id, reason)
					    select id, pool_for_employee(:owner), :owner, :reason from moved
					    on conflict (customer_id) do update set pool_id = excluded.pool_id, entered_at = now(),
					        previous_owner_id = excluded.previous_owner_id, reason = excluded.reason,
					       left_at = null
					    returning pool_id)
					select pool_id from entered""")
			.param("id", customerId)
			.param("owner", ownerId)
			.param("by", by)
			.param("reason", reason)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

}
