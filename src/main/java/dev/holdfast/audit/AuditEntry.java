package dev.holdfast.audit;

import java.util.Map;

/**
 * One action for {@link AuditTrail#recordAll}: what was done to which record, with ids
 * and facts only.
 */
public record AuditEntry(AuditAction action, String targetType, Object targetId, Map<String, ?> details) {
}
