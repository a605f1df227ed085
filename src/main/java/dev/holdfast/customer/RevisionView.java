package dev.holdfast.customer;

import java.time.Instant;
import java.util.Map;

/**
 * One earlier (or the current) state of a customer or one of its contacts, as it was
 * after a change.
 *
 * @param entity {@code customer} or {@code contact}
 */
public record RevisionView(long id, String entity, long entityId, long version, String change,
		Map<String, Object> snapshot, Instant changedAt, Long changedBy, String changedByName) {
}
