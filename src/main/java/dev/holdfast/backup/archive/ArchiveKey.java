package dev.holdfast.backup.archive;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;

/**
 * The key of an archive, derived from the backup passphrase by PBKDF2-HMAC-SHA256 with a
 * random salt. The archive starts with a small plaintext header (magic, iterations, salt
 * and a check value); the rest is Tink's AES-GCM-HKDF streaming AEAD bound to that
 * header, so a changed header fails the decryption too. The check value (derived with the
 * key, never the key itself) tells a wrong passphrase from a damaged archive.
 */
public final class ArchiveKey {

	static final byte[] MAGIC = "HOLDFAST-BACKUP-1\n".getBytes(StandardCharsets.US_ASCII);

	/** An archive encrypted with a Tink key set file rather than a passphrase. */
	static final byte[] MAGIC_KEYSET = "HOLDFAST-BACKUP-K\n".getBytes(StandardCharsets.US_ASCII);

	private static final int SALT_BYTES = 16;

	private static final int SEGMENT_BYTES = 1 << 20;

	private final byte[] header;

	private final StreamingAead aead;

	private ArchiveKey(byte[] header, StreamingAead aead) {
		this.header = header;
		this.aead = aead;
	}

	/** A new key (with a fresh salt, for a passphrase), for writing an archive. */
	public static ArchiveKey create(BackupSecret secret, int iterations) {
		if (secret.keyset() != null) {
			return new ArchiveKey(MAGIC_KEYSET, KeysetStreams.of(secret.keyset()));
		}
		String passphrase = secret.passphrase();
		byte[] salt = new byte[SALT_BYTES];
		new SecureRandom().nextBytes(salt);
		return derive(requirePassphrase(passphrase), iterations, salt, null);
	}

	/** Reads the header of an archive and derives its key from the secret. */
	public static ArchiveKey read(InputStream in, BackupSecret secret) throws IOException {
		DataInputStream data = new DataInputStream(in);
		byte[] magic = new byte[MAGIC.length];
		try {
			data.readFully(magic);
			if (Arrays.equals(magic, MAGIC_KEYSET)) {
				if (secret.keyset() == null) {
					throw new BackupRefusedException("this archive was written with a backup key set: give its file "
							+ "(HOLDFAST_BACKUP_KEYSET, holdfast.backup.keyset)");
				}
				return new ArchiveKey(MAGIC_KEYSET, KeysetStreams.of(secret.keyset()));
			}
			if (!Arrays.equals(magic, MAGIC)) {
				throw new BackupRefusedException("this is not a Holdfast backup archive");
			}
			int iterations = data.readInt();
			if (iterations < 1 || iterations > 100_000_000) {
				throw new BackupRefusedException("the archive's header is damaged");
			}
			byte[] salt = new byte[SALT_BYTES];
			data.readFully(salt);
			byte[] check = new byte[32];
			data.readFully(check);
			return derive(requirePassphrase(secret.passphrase()), iterations, salt, check);
		}
		catch (EOFException ex) {
			throw new BackupRefusedException("the archive is truncated: its header is incomplete", ex);
		}
	}

	public OutputStream encrypting(OutputStream out) throws IOException {
		out.write(this.header);
		try {
			return this.aead.newEncryptingStream(out, this.header);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The rest of the archive after its header, decrypted and authenticated. */
	public InputStream decrypting(InputStream afterHeader) throws IOException {
		try {
			return this.aead.newDecryptingStream(afterHeader, this.header);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String requirePassphrase(String passphrase) {
		if (passphrase == null || passphrase.isBlank()) {
			throw new BackupRefusedException("no backup passphrase: set HOLDFAST_BACKUP_PASSPHRASE "
					+ "(holdfast.backup.passphrase) or a key set (HOLDFAST_BACKUP_KEYSET); an archive is never "
					+ "written or read without encryption");
		}
		return passphrase;
	}

	private static ArchiveKey derive(String passphrase, int iterations, byte[] salt, byte[] expectedCheck) {
		try {
			byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
				.generateSecret(new PBEKeySpec(passphrase.toCharArray(), salt, iterations, 64 * 8))
				.getEncoded();
			byte[] key = Arrays.copyOfRange(derived, 0, 32);
			byte[] check = Arrays.copyOfRange(derived, 32, 64);
			if (expectedCheck != null && !MessageDigest.isEqual(check, expectedCheck)) {
				throw new BackupRefusedException("wrong backup passphrase: this archive was written with another one");
			}
			var header = new java.io.ByteArrayOutputStream();
			DataOutputStream out = new DataOutputStream(header);
			out.write(MAGIC);
			out.writeInt(iterations);
			out.write(salt);
			out.write(check);
			return new ArchiveKey(header.toByteArray(),
					new AesGcmHkdfStreaming(key, "HmacSha256", 32, SEGMENT_BYTES, 0));
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("cannot derive the archive key", ex);
		}
	}

}
