package dev.holdfast.backup.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;

/**
 * A backup key set file: a Tink JSON key set of streaming AEAD keys (e.g.
 * {@code tinkey create-keyset --key-template AES256_GCM_HKDF_1MB}). Every key in it
 * decrypts, so a rotated key set still reads older archives.
 */
final class KeysetStreams {

	private KeysetStreams() {
	}

	static StreamingAead of(Path file) {
		try {
			StreamingAeadConfig.register();
			return TinkJsonProtoKeysetFormat
				.parseKeyset(Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get())
				.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
		}
		catch (IOException ex) {
			throw new BackupRefusedException("cannot read the backup key set " + file + ": " + ex.getMessage(), ex);
		}
		catch (GeneralSecurityException ex) {
			throw new BackupRefusedException("the backup key set " + file + " is not a Tink streaming AEAD key set",
					ex);
		}
	}

}
