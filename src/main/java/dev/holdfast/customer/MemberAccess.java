package dev.holdfast.customer;

/**
 * What a team member may do with a customer.
 */
public enum MemberAccess {

	READ, WRITE

}
