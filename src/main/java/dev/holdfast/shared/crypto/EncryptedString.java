package dev.holdfast.shared.crypto;

import jakarta.persistence.AttributeConverter;

/**
 * Stores a string attribute encrypted in its bytea column; the entity holds the plaintext
 * only in memory. A module declares one small subclass per column it encrypts (naming its
 * {@link EncryptedColumn}); Hibernate creates the converters through Spring, which hands
 * them the cipher.
 */
public abstract class EncryptedString implements AttributeConverter<String, byte[]> {

	private final FieldCipher cipher;

	private final EncryptedColumn column;

	protected EncryptedString(FieldCipher cipher, EncryptedColumn column) {
		this.cipher = cipher;
		this.column = column;
	}

	@Override
	public byte[] convertToDatabaseColumn(String attribute) {
		return this.cipher.encrypt(attribute, this.column);
	}

	@Override
	public String convertToEntityAttribute(byte[] stored) {
		return this.cipher.decrypt(stored, this.column);
	}

}
