package dev.holdfast.audit;

/**
 * The last event of the audit chain: its id and hash.
 */
public record AuditChainHead(long id, String hash) {
}
