/**
 * Insider risk: indicators of unusual reading computed from the audit trail, scores
 * against the employee's own baseline and their peers', alerts to managers and
 * administrators, automatic suspension of reveals and exports, and per-employee rate
 * limits that slow scraping.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "audit", "organization", "notification", "offboarding", "protection" })
package dev.holdfast.risk;
