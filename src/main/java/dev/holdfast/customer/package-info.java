/**
 * Customers, their contacts and team members, ownership, history, the duplicate check,
 * and the one visibility policy every path to customer data goes through.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "organization", "audit", "notification" })
package dev.holdfast.customer;
