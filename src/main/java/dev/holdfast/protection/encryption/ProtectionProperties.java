package dev.holdfast.protection.encryption;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the keys of the encryption at rest come from.
 *
 * @param keyset the data key set as Tink JSON ({@code HOLDFAST_KEYSET}); wins over the
 * file and cannot be rotated from inside the application
 * @param indexKeyset the blind-index key set as Tink JSON ({@code HOLDFAST_INDEX_KEYSET})
 * @param keysetFile the data key set file; rotation rewrites it
 * @param indexKeysetFile the blind-index key set file; never rotated
 * @param generateKeys generate missing key files even when an external database is used
 * (the embedded default always generates them)
 * @param reencryptChunk rows re-encrypted per transaction
 */
@ConfigurationProperties("holdfast.protection")
record ProtectionProperties(String keyset, String indexKeyset, Path keysetFile, Path indexKeysetFile,
		@DefaultValue("false") boolean generateKeys, @DefaultValue("500") int reencryptChunk) {
}
