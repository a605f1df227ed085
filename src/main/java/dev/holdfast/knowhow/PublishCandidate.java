package dev.holdfast.knowhow;

import java.time.Instant;

/**
 * A follow-up of the customer a manager may pick for a publication, shown to that manager
 * only (who sees the customer anyway).
 */
record PublishCandidate(long id, String kind, String content, Instant createdAt) {
}
