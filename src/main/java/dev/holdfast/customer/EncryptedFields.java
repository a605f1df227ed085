package dev.holdfast.customer;

import dev.holdfast.shared.crypto.EncryptedString;
import dev.holdfast.shared.crypto.FieldCipher;

/**
 * The JPA converters of this module's encrypted fields, one per column of
 * {@link EncryptedColumns}.
 */
final class EncryptedFields {

	private EncryptedFields() {
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
