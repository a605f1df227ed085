package dev.holdfast.protection.encryption;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.crypto.EncryptedColumn;
import dev.holdfast.shared.crypto.FieldCipher;
import dev.holdfast.shared.crypto.UnreadableDataException;

/**
 * {@link FieldCipher} with Google Tink: AES-256-GCM with the column as associated data,
 * and HMAC-SHA256 for the blind index. The index key is a key set of its own that is
 * never rotated, because a rotated index key would change every index value at once and
 * exact search would miss rows until all of them were re-indexed.
 */
@Component
class TinkFieldCipher implements FieldCipher {

	private static final int INDEX_BYTES = 32;

	private final DataKeys keys;

	private final RotationFence fence;

	private final PrfSet index;

	TinkFieldCipher(DataKeys keys, RotationFence fence, ProtectionProperties properties, Environment environment) {
		this.keys = keys;
		this.fence = fence;
		this.index = indexPrf(properties, environment);
	}

	@Override
	public byte[] encrypt(String plaintext, EncryptedColumn column) {
		if (plaintext == null) {
			return null;
		}
		try {
			return this.fence.forWriting().encrypt(plaintext.getBytes(StandardCharsets.UTF_8), column.associatedData());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	@Override
	public String decrypt(byte[] ciphertext, EncryptedColumn column) {
		if (ciphertext == null) {
			return null;
		}
		try {
			return decryptOnce(ciphertext, column);
		}
		catch (GeneralSecurityException ex) {
			// another instance may have rotated the shared key file since we read it
			if (this.keys.reloadIfChanged()) {
				try {
					return decryptOnce(ciphertext, column);
				}
				catch (GeneralSecurityException again) {
					throw new UnreadableDataException(column, ciphertext, again);
				}
			}
			throw new UnreadableDataException(column, ciphertext, ex);
		}
	}

	@Override
	public byte[] blindIndex(String kind, String normalizedValue) {
		if (normalizedValue == null) {
			return null;
		}
		try {
			return this.index.computePrimary((kind + ":" + normalizedValue).getBytes(StandardCharsets.UTF_8),
					INDEX_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("blind index failed", ex);
		}
	}

	@Override
	public byte[] encryptBytes(byte[] plain, String associatedData) {
		try {
			return this.fence.forWriting().encrypt(plain, associatedData.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	@Override
	public byte[] decryptBytes(byte[] ciphertext, String associatedData) {
		byte[] bound = associatedData.getBytes(StandardCharsets.UTF_8);
		try {
			return this.keys.aead().decrypt(ciphertext, bound);
		}
		catch (GeneralSecurityException ex) {
			// as for fields: another instance may have rotated the shared key file
			if (this.keys.reloadIfChanged()) {
				try {
					return this.keys.aead().decrypt(ciphertext, bound);
				}
				catch (GeneralSecurityException again) {
					throw new UnreadableDataException("file " + associatedData, again);
				}
			}
			throw new UnreadableDataException("file " + associatedData, ex);
		}
	}

	private String decryptOnce(byte[] ciphertext, EncryptedColumn column) throws GeneralSecurityException {
		return new String(this.keys.aead().decrypt(ciphertext, column.associatedData()), StandardCharsets.UTF_8);
	}

	private static PrfSet indexPrf(ProtectionProperties properties, Environment environment) {
		try {
			PrfConfig.register();
			KeysetHandle keyset = (properties.indexKeyset() != null && !properties.indexKeyset().isBlank())
					? KeysetFiles.parse(properties.indexKeyset())
					: KeysetFiles.readOrGenerate(properties.indexKeysetFile(), PredefinedPrfParameters.HMAC_SHA256_PRF,
							KeyGeneration.allowed(properties, environment));
			return keyset.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the blind-index key set holds no usable PRF key", ex);
		}
	}

}
