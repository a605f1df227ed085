/**
 * Offboarding (离职交接): a resignation opens a case, the notice period narrows the leaver's
 * access, a handover plan moves every customer to a new owner with the leaver's notes,
 * and on the last working day every session and token ends.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "organization", "customer",
		"followup", "audit", "agreement", "notification" })
package dev.holdfast.offboarding;
