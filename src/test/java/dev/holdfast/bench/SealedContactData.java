package dev.holdfast.bench;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.holdfast.shared.crypto.EncryptedColumn;
import dev.holdfast.shared.crypto.FieldCipher;
import dev.holdfast.shared.PhoneNumbers;

/**
 * The SQL generator cannot encrypt, so it writes phone numbers and addresses as plain
 * UTF-8 bytes into the encrypted columns; this encrypts them and fills the blind index as
 * the application does, one id range at a time.
 */
final class SealedContactData {

	private static final EncryptedColumn PHONE = new EncryptedColumn("contact", "phone_encrypted");

	private static final EncryptedColumn ADDRESS = new EncryptedColumn("customer", "address_encrypted");

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	SealedContactData(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	void contacts(long fromCustomer, long toCustomer) {
		List<Plain> rows = this.jdbc.sql("""
				select id, convert_from(phone_encrypted, 'UTF8') as value from contact
				where customer_id between ? and ? and phone_index is null""")
			.params(fromCustomer, toCustomer)
			.query(Plain.class)
			.list();
		for (Plain row : rows) {
			byte[] index = this.cipher.blindIndex("phone", PhoneNumbers.normalize(row.value()).orElseThrow());
			this.jdbc.sql("update contact set phone_encrypted = ?, phone_index = ? where id = ?")
				.params(this.cipher.encrypt(row.value(), PHONE), index, row.id())
				.update();
		}
	}

	void addresses(long fromCustomer, long toCustomer) {
		List<Plain> rows = this.jdbc.sql("""
				select id, convert_from(address_encrypted, 'UTF8') as value from customer
				where id between ? and ? and address_encrypted is not null""")
			.params(fromCustomer, toCustomer)
			.query(Plain.class)
			.list();
		for (Plain row : rows) {
			this.jdbc.sql("update customer set address_encrypted = ? where id = ?")
				.params(this.cipher.encrypt(row.value(), ADDRESS), row.id())
				.update();
		}
	}

	record Plain(long id, String value) {
	}

}
