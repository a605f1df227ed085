package dev.holdfast.customer;

import dev.holdfast.shared.LabelPrefix;

/**
 * Where a customer stands in the sales cycle: 潜在, 跟进中, 成交, 流失.
 */
@LabelPrefix("customer.status")
public enum CustomerStatus {

	POTENTIAL, FOLLOWING, WON, LOST

}
