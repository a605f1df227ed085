package dev.holdfast.pool;

import java.time.Instant;

/**
 * A customer in a pool as the pool list shows it: no contact data, and the previous owner
 * only to someone who sees that owner's customers anyway.
 */
public record PoolCustomerView(long customerId, String name, String level, String industry, String region,
		Instant enteredAt, long poolId, String poolName, Long previousOwnerId, String previousOwnerName) {

	PoolCustomerView withPreviousOwner(Long id, String displayName) {
		return new PoolCustomerView(this.customerId, this.name, this.level, this.industry, this.region, this.enteredAt,
				this.poolId, this.poolName, id, displayName);
	}

}
