package dev.holdfast.backup.archive;

import java.util.Map;

/**
 * An archive read whole and found intact: its manifest and its key sets (by name, as Tink
 * JSON).
 */
public record VerifiedArchive(Manifest manifest, Map<String, byte[]> keySets) {
}
