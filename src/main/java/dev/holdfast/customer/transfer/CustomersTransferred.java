package dev.holdfast.customer.transfer;

import java.util.List;

/**
 * Customers were transferred to a new owner while everyone is employed (在职转移): the new
 * owner is told, once per transfer.
 */
public record CustomersTransferred(long newOwnerId, List<Long> customerIds, long transferredBy) {

	public CustomersTransferred {
		customerIds = List.copyOf(customerIds);
	}

}
