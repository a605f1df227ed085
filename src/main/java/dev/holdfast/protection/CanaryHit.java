package dev.holdfast.protection;

/**
 * A canary was hit: an export's or a personal canary contacted from outside, or a
 * personal canary revealed by its own employee. Published after risk raised the alert,
 * which is a direct, synchronous call and not a listener: the hit's reporter is answered
 * with the alert, and risk cannot listen to protection while protection asks risk for it
 * (a cycle). Ids and facts only, never the canary's contact data.
 *
 * @param canary {@code export} or {@code personal}
 * @param employeeId whose canary it was
 * @param channel {@code phone}, {@code email} or {@code reveal}
 */
public record CanaryHit(String canary, long employeeId, long alertId, String channel) {
}
