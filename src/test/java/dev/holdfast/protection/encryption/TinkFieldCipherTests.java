package dev.holdfast.protection.encryption;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import dev.holdfast.shared.crypto.EncryptedColumn;
import dev.holdfast.shared.crypto.UnreadableDataException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cipher on generated key files, without Spring: columns bind ciphertexts, rotation
 * keeps old values readable and leaves the blind index alone, and a second instance on
 * the same key file follows a rotation.
 */
class TinkFieldCipherTests {

	private static final EncryptedColumn PHONE = new EncryptedColumn("contact", "phone_encrypted");

	private static final EncryptedColumn EMAIL = new EncryptedColumn("contact", "email_encrypted");

	@TempDir
	Path dir;

	@Test
	void keyFilesAreGeneratedReadableByTheOwnerOnly() throws Exception {
		cipher(dataKeys());
		for (String file : new String[] { "data.json", "index.json" }) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.dir.resolve(file))))
				.isEqualTo("rw-------");
		}
	}

	@Test
	void aCiphertextDecryptsOnlyInItsOwnColumnAndNeverTwiceTheSame() {
		TinkFieldCipher cipher = cipher(dataKeys());
		byte[] encrypted = cipher.encrypt("13912345678", PHONE);
		assertThat(cipher.decrypt(encrypted, PHONE)).isEqualTo("13912345678");
		assertThat(cipher.encrypt("13912345678", PHONE)).isNotEqualTo(encrypted);
		assertThatThrownBy(() -> cipher.decrypt(encrypted, EMAIL)).isInstanceOf(UnreadableDataException.class);
		encrypted[encrypted.length - 1] ^= 1;
		assertThatThrownBy(() -> cipher.decrypt(encrypted, PHONE)).isInstanceOf(UnreadableDataException.class);
		assertThat(cipher.encrypt(null, PHONE)).isNull();
		assertThat(cipher.decrypt(null, PHONE)).isNull();
	}

	@Test
	void fileBytesDecryptOnlyUnderWhatTheyWereBoundToAndSurviveRotation() {
		DataKeys keys = dataKeys();
		TinkFieldCipher cipher = cipher(keys);
		byte[] photo = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3 };
		byte[] sealed = cipher.encryptBytes(photo, "follow_up_attachment:7:attachments/ab/ab-1");
		assertThat(sealed).isNotEqualTo(photo);
		assertThat(cipher.decryptBytes(sealed, "follow_up_attachment:7:attachments/ab/ab-1")).isEqualTo(photo);
		assertThatThrownBy(() -> cipher.decryptBytes(sealed, "follow_up_attachment:8:attachments/ab/ab-1"))
			.isInstanceOf(UnreadableDataException.class);
		keys.rotate();
		assertThat(cipher.decryptBytes(sealed, "follow_up_attachment:7:attachments/ab/ab-1")).isEqualTo(photo);
	}

	@Test
	void rotationKeepsOldValuesReadableAndTheBlindIndexUnchanged() {
		DataKeys keys = dataKeys();
		TinkFieldCipher cipher = cipher(keys);
		byte[] before = cipher.encrypt("chenjing@example.cn", EMAIL);
		byte[] indexBefore = cipher.blindIndex("email", "chenjing@example.cn");
		int firstKey = keys.primaryKeyId();

		keys.rotate();

		assertThat(keys.primaryKeyId()).isNotEqualTo(firstKey);
		assertThat(keys.size()).isEqualTo(2);
		assertThat(cipher.decrypt(before, EMAIL)).isEqualTo("chenjing@example.cn");
		byte[] after = cipher.encrypt("chenjing@example.cn", EMAIL);
		assertThat(startsWith(after, keys.primaryPrefix())).isTrue();
		assertThat(startsWith(before, keys.primaryPrefix())).isFalse();
		assertThat(cipher.blindIndex("email", "chenjing@example.cn")).isEqualTo(indexBefore);
		assertThat(cipher.blindIndex("phone", "chenjing@example.cn")).isNotEqualTo(indexBefore);
	}

	@Test
	void anotherInstanceOnTheSameKeyFileFollowsARotation() {
		DataKeys mine = dataKeys();
		TinkFieldCipher other = cipher(dataKeys());
		mine.rotate();
		byte[] written = cipher(mine).encrypt("13912345678", PHONE);
		assertThat(other.decrypt(written, PHONE)).isEqualTo("13912345678");
	}

	@Test
	void anotherInstanceEncryptsUnderARotatedKeyBeforeItReadsAnything() {
		DataKeys mine = dataKeys();
		DataKeys others = dataKeys();
		TinkFieldCipher other = cipher(others);
		mine.rotate();
		assertThat(startsWith(other.encrypt("13912345678", PHONE), mine.primaryPrefix())).isTrue();
		assertThat(others.primaryKeyId()).isEqualTo(mine.primaryKeyId());
	}

	@Test
	void aKeySetFromTheEnvironmentCannotBeRotatedInside() throws Exception {
		dataKeys();
		ProtectionProperties given = new ProtectionProperties(Files.readString(this.dir.resolve("data.json")), null,
				null, this.dir.resolve("index.json"), false, 500);
		assertThat(new DataKeys(given, new MockEnvironment()).writable()).isFalse();
	}

	private DataKeys dataKeys() {
		return new DataKeys(properties(), new MockEnvironment());
	}

	private TinkFieldCipher cipher(DataKeys keys) {
		// outside a transaction the fence takes no lock: no database is needed
		return new TinkFieldCipher(keys, new RotationFence(keys, null), properties(), new MockEnvironment());
	}

	private ProtectionProperties properties() {
		return new ProtectionProperties(null, null, this.dir.resolve("data.json"), this.dir.resolve("index.json"),
				false, 500);
	}

	private static boolean startsWith(byte[] value, byte[] prefix) {
		for (int i = 0; i < prefix.length; i++) {
			if (value[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
