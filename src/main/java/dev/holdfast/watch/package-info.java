/**
 * The post-departure watch (离职后观察): for the term of a former employee's accepted
 * agreement, the customers they owned in their last 12 months are watched for signs that
 * they follow the person out (archived or lost, complaints, care visits that failed, no
 * follow-up, contacts moving to the leaver's known domains, the person's canaries hit).
 * The signals are listed per former employee by current owner, summed up to the manager
 * monthly, and raise a risk alert when they cluster. The base package is the API
 * ({@link dev.holdfast.watch.PostDepartureSignals}, for the evidence package).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "organization", "customer",
		"followup", "care", "offboarding", "agreement", "risk", "notification", "audit", "protection" })
package dev.holdfast.watch;
