package dev.holdfast.protection.encryption;

/**
 * The data key set as an administrator sees it: ids and counts, never key material.
 *
 * @param primaryKeyId the key new values are encrypted with
 * @param keys how many keys the set holds (the older ones only decrypt)
 * @param writable whether rotation can write the key set from inside the application
 * @param valuesUnderOlderKeys stored values the re-encryption has yet to rewrite
 */
public record KeysetStatus(long primaryKeyId, int keys, boolean writable, long valuesUnderOlderKeys) {
}
