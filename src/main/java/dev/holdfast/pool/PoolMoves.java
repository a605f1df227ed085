package dev.holdfast.pool;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.OwnerChangeKind;
import dev.holdfast.customer.Ownership;

/**
 * Ownership moves into and out of a pool, one customer at a time: the owner changes
 * through customer's {@link Ownership} (the one writer of owners and their history), and
 * the pool entry follows here. Each move is conditional, so of two concurrent claims
 * exactly one finds the customer still ownerless.
 */
@Component
class PoolMoves {

	private final JdbcClient jdbc;

	private final Ownership ownership;

	PoolMoves(JdbcClient jdbc, Ownership ownership) {
		this.jdbc = jdbc;
		this.ownership = ownership;
	}

	/** Gives an ownerless customer to a new owner; false if it has one by now. */
	boolean take(long customerId, long newOwnerId, OwnerChangeKind kind, String reason, long by) {
		if (!this.ownership.claim(customerId, newOwnerId, kind, reason, by)) {
			return false;
		}
		this.jdbc.sql("update pool_entry set left_at = now() where customer_id = ?").param(customerId).update();
		return true;
	}

	/**
	 * Returns a customer from its owner to the pool of the owner's department; the pool's
	 * id, or null if someone else owns it by now.
	 */
	Long release(long customerId, long ownerId, String reason, long by) {
		if (!this.ownership.release(customerId, ownerId, reason, by)) {
			return null;
		}
		return this.jdbc.sql("""
				insert into pool_entry (customer_id, pool_id, previous_owner_id, reason)
				values (:id, pool_for_employee(:owner), :owner, :reason)
				on conflict (customer_id) do update set pool_id = excluded.pool_id, entered_at = now(),
				    previous_owner_id = excluded.previous_owner_id, reason = excluded.reason, left_at = null
				returning pool_id""")
			.param("id", customerId)
			.param("owner", ownerId)
			.param("reason", reason)
			.query(Long.class)
			.single();
	}

}
