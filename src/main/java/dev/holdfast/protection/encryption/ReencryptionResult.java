package dev.holdfast.protection.encryption;

/**
 * What one run of the re-encryption did.
 *
 * @param primaryKeyId the key every rewritten value is now encrypted with
 * @param rows how many stored values were rewritten
 * @param unreadable how many values failed their integrity check and were left as they
 * were (the audit event names their rows)
 */
public record ReencryptionResult(long primaryKeyId, long rows, long unreadable) {
}
