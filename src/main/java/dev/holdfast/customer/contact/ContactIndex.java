package dev.holdfast.customer.contact;

import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.holdfast.shared.crypto.FieldCipher;
import dev.holdfast.shared.PhoneNumbers;

/**
 * The blind indexes of a contact's phone and e-mail: the normalised value (E.164 phone,
 * trimmed lowercased e-mail) through the keyed hash. The one place values are normalised
 * for exact search and the duplicate check.
 */
@Component
public class ContactIndex {

	private final FieldCipher cipher;

	public ContactIndex(FieldCipher cipher) {
		this.cipher = cipher;
	}

	/** Null when the value is no phone number. */
	public byte[] phone(String phone) {
		return phone == null ? null
				: PhoneNumbers.normalize(phone).map(n -> this.cipher.blindIndex("phone", n)).orElse(null);
	}

	/** Null when there is no e-mail. */
	public byte[] email(String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		return this.cipher.blindIndex("email", email.strip().toLowerCase(Locale.ROOT));
	}

}
