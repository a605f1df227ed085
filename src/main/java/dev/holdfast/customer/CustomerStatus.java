package dev.holdfast.customer;

/**
 * Where a customer stands in the sales cycle: 潜在, 跟进中, 成交, 流失.
 */
public enum CustomerStatus {

	POTENTIAL, FOLLOWING, WON, LOST

}
