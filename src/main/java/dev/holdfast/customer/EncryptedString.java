package dev.holdfast.customer;

import jakarta.persistence.AttributeConverter;

import dev.holdfast.shared.EncryptedColumn;
import dev.holdfast.shared.FieldCipher;

/**
 * Stores a string attribute encrypted in its bytea column; the entity holds the plaintext
 * only in memory. Hibernate creates the converters through Spring, which hands them the
 * cipher.
 */
abstract class EncryptedString implements AttributeConverter<String, byte[]> {

	private final FieldCipher cipher;

	private final EncryptedColumn column;

	EncryptedString(FieldCipher cipher, EncryptedColumn column) {
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

	static class ContactPhone extends EncryptedString {

		ContactPhone(FieldCipher cipher) {
			super(cipher, EncryptedColumns.CONTACT_PHONE);
		}

	}

	static class ContactEmail extends EncryptedString {

		ContactEmail(FieldCipher cipher) {
			super(cipher, EncryptedColumns.CONTACT_EMAIL);
		}

	}

	static class ContactWechat extends EncryptedString {

		ContactWechat(FieldCipher cipher) {
			super(cipher, EncryptedColumns.CONTACT_WECHAT);
		}

	}

	static class ContactAddress extends EncryptedString {

		ContactAddress(FieldCipher cipher) {
			super(cipher, EncryptedColumns.CONTACT_ADDRESS);
		}

	}

	static class CustomerAddress extends EncryptedString {

		CustomerAddress(FieldCipher cipher) {
			super(cipher, EncryptedColumns.CUSTOMER_ADDRESS);
		}

	}

}
