package dev.holdfast.protection;

/**
 * A canary was hit: an export's or a personal canary contacted from outside, or a
 * personal canary revealed by its own employee. Risk listens and raises the critical
 * alert after the hit committed. Ids and facts only, never the canary's contact data nor
 * the reporter's free text.
 *
 * @param hit the hit's own id, so that a redelivered event counts once
 * @param canary {@code export} or {@code personal}
 * @param canaryId the canary's row ({@code export_canary} or {@code personal_canary});
 * {@code 0} if it is gone
 * @param target {@code export} or {@code customer}: what the canary belongs to
 * @param targetId the export's or the canary customer's id
 * @param employeeId whose canary it was
 * @param channel {@code phone}, {@code email} or {@code reveal}
 */
public record CanaryHit(String hit, String canary, long canaryId, String target, long targetId, long employeeId,
		String channel) {
}
