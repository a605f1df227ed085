package dev.holdfast.audit;

import java.time.Instant;

/**
 * Filters of an audit search; every one may be null.
 */
public record AuditQuery(Long actorId, String action, String targetType, String targetId, Instant from, Instant to) {
}
