/**
 * The manager dashboard: follow-ups per rep, customers past their rhythm, the public
 * pool's inflow and claims, and the care coverage of key customers, for the caller's data
 * scope.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "organization", "customer", "followup", "care" })
package dev.holdfast.dashboard;
