package dev.holdfast.protection;

/**
 * One key set of the encryption at rest as Tink JSON, for a backup archive (which is
 * encrypted itself) and its restore.
 *
 * @param name {@code data} or {@code index}
 * @param json the key set
 */
public record KeySetCopy(String name, byte[] json) {
}
