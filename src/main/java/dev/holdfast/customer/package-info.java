/**
 * Customers, their contacts and team members, ownership, history, the duplicate check,
 * the one visibility policy every path to customer data goes through, and masking with
 * the audited reveal. This base package is the module's API; the sub-packages (contact,
 * duplicate, masking, migration, transfer, web) are internal.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "organization", "audit", "notification" })
package dev.holdfast.customer;
