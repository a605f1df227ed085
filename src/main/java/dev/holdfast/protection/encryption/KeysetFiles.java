package dev.holdfast.protection.encryption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;

/**
 * Reading, generating and atomically replacing Tink JSON key set files, readable by the
 * owner only.
 */
final class KeysetFiles {

	private KeysetFiles() {
	}

	static KeysetHandle parse(String json) {
		try {
			return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the key set is not a valid Tink JSON key set", ex);
		}
	}

	static KeysetHandle read(Path file) {
		try {
			return parse(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the key set " + file, ex);
		}
	}

	static KeysetHandle readOrGenerate(Path file, Parameters parameters, boolean mayGenerate) {
		if (Files.exists(file)) {
			return read(file);
		}
		if (!mayGenerate) {
			throw new IllegalStateException("no key set at " + file
					+ ": give one (HOLDFAST_KEYSET / holdfast.protection.keyset-file) or set holdfast.protection.generate-keys");
		}
		try {
			KeysetHandle generated = KeysetHandle.generateNew(parameters);
			write(file, generated);
			return generated;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot generate a key set", ex);
		}
	}

	/**
	 * Writes next to the file, then moves it over: readers see the old or the new one.
	 */
	static void write(Path file, KeysetHandle keyset) {
		try {
			Path dir = file.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			Path temp = Files.createTempFile(dir, ".keyset", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(temp, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()),
					StandardCharsets.UTF_8);
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the key set " + file, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot serialise the key set", ex);
		}
	}

}
