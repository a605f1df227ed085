package dev.holdfast.customer;

/**
 * Who may read a customer that has no owner because it is in a public pool: implemented
 * by the pool module, which knows the pools and who may claim from them. Asked by
 * {@link CustomerVisibility} only for ownerless customers the caller sees no other way.
 */
public interface PoolReaders {

	/** Whether the employee may see the pool the ownerless customer is in. */
	boolean mayRead(long customerId, long employeeId);

}
