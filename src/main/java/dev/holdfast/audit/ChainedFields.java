package dev.holdfast.audit;

import java.time.Instant;

/**
 * The fields of an audit event that its hash covers.
 */
record ChainedFields(Instant occurredAt, Long actorId, String actorUsername, String action, String targetType,
		String targetId, String clientIp, String userAgent, String details) {
}
