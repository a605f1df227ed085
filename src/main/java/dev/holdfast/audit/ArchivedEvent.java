package dev.holdfast.audit;

import java.time.Instant;

/**
 * One event as an archived month holds it (a line of JSON): every field and its place in
 * the chain.
 */
record ArchivedEvent(long seq, long id, String occurredAt, Long actorId, String actorUsername, String action,
		String targetType, String targetId, String clientIp, String userAgent, String details, String prevHash,
		String hash) {

	static ArchivedEvent of(long seq, AuditEventView e) {
		return new ArchivedEvent(seq, e.id(), e.occurredAt().toString(), e.actorId(), e.actorUsername(), e.action(),
				e.targetType(), e.targetId(), e.clientIp(), e.userAgent(), e.details(), e.prevHash(), e.hash());
	}

	AuditEventView view() {
		return new AuditEventView(this.id, Instant.parse(this.occurredAt), this.actorId, this.actorUsername,
				this.action, this.targetType, this.targetId, this.clientIp, this.userAgent, this.details, this.prevHash,
				this.hash);
	}

}
