package dev.holdfast.protection.encryption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AeadKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The data key set (AES-256-GCM): its primary key encrypts, every key in it decrypts.
 * Rotation adds a new primary and keeps the old keys, so rows written before stay
 * readable. Another instance that shares the key file picks a rotation up the first time
 * it meets a ciphertext of a key it does not know yet, and before a transaction first
 * encrypts ({@link RotationFence}).
 */
@Component
class DataKeys {

	private final Path file;

	private volatile Loaded loaded;

	DataKeys(ProtectionProperties properties, Environment environment) {
		try {
			AeadConfig.register();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		if (properties.keyset() != null && !properties.keyset().isBlank()) {
			this.file = null;
			this.loaded = load(KeysetFiles.parse(properties.keyset()), null);
		}
		else {
			this.file = properties.keysetFile();
			KeysetHandle keyset = KeysetFiles.readOrGenerate(this.file, PredefinedAeadParameters.AES256_GCM,
					KeyGeneration.allowed(properties, environment));
			this.loaded = load(keyset, digest(this.file));
		}
	}

	Aead aead() {
		return this.loaded.aead();
	}

	/**
	 * Whether rotation can write the key set (it was not given through the environment).
	 */
	boolean writable() {
		return this.file != null;
	}

	int primaryKeyId() {
		return this.loaded.keyset().getPrimary().getId();
	}

	int size() {
		return this.loaded.keyset().size();
	}

	/** The bytes every ciphertext of the primary key starts with. */
	byte[] primaryPrefix() {
		return ((AeadKey) this.loaded.keyset().getPrimary().getKey()).getOutputPrefix().toByteArray();
	}

	/** Re-reads the key file when it changed since it was read; true if it did. */
	synchronized boolean reloadIfChanged() {
		if (this.file == null || !Files.exists(this.file)) {
			return false;
		}
		// the content, not the modification time: a rotation within the file system's
		// time
		// resolution would otherwise go unnoticed
		String digest = digest(this.file);
		if (digest.equals(this.loaded.digest())) {
			return false;
		}
		this.loaded = load(KeysetFiles.read(this.file), digest);
		return true;
	}

	/** Adds a new primary key; the old ones stay for decryption. */
	synchronized void rotate() {
		reloadIfChanged();
		try {
			KeysetHandle rotated = KeysetHandle.newBuilder(this.loaded.keyset())
				.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
					.withRandomId()
					.makePrimary())
				.build();
			KeysetFiles.write(this.file, rotated);
			this.loaded = load(rotated, digest(this.file));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot rotate the key set", ex);
		}
	}

	private static Loaded load(KeysetHandle keyset, String digest) {
		try {
			return new Loaded(keyset, keyset.getPrimitive(RegistryConfiguration.get(), Aead.class), digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the data key set holds no usable AEAD key", ex);
		}
	}

	/** A digest of the file's content, to tell whether it changed. */
	private static String digest(Path file) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Loaded(KeysetHandle keyset, Aead aead, String digest) {
	}

}
