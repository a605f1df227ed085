package dev.holdfast.audit;

import java.time.Instant;

/**
 * One audit event as auditors read it.
 */
public record AuditEventView(long id, Instant occurredAt, Long actorId, String actorUsername, String action,
		String targetType, String targetId, String clientIp, String userAgent, String details, String prevHash,
		String hash) {
}
