/**
 * The demo company ({@code holdfast.demo.enabled}): on an empty database, seeds an
 * organization, customers with contacts, months of follow-ups and care visits through the
 * owning modules' services (what began in the past through those for records that began
 * before Holdfast), and prints the accounts to log in with.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "organization", "customer", "followup", "care", "pool" })
package dev.holdfast.demo;
