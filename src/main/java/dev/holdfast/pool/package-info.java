/**
 * The public pool (公海): pools and their rules per customer level, the nightly job that
 * returns neglected customers to them, warnings to their owners, claiming and assigning
 * from a pool under caps and cooldowns, and managers' locks.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "customer", "organization", "audit", "notification" })
package dev.holdfast.pool;
