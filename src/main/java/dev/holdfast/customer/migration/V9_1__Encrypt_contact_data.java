package dev.holdfast.customer.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.stereotype.Component;

import dev.holdfast.customer.EncryptedColumns;
import dev.holdfast.customer.contact.ContactIndex;
import dev.holdfast.shared.crypto.EncryptedColumn;
import dev.holdfast.shared.crypto.FieldCipher;

/**
 * Encrypts the contact data written before V9 and drops the plaintext columns. A Spring
 * bean (Boot hands such beans to Flyway), because it needs the key set; Flyway takes the
 * version 9.1 from the class name, hence the name.
 */
@Component
class V9_1__Encrypt_contact_data extends BaseJavaMigration {

	private static final int BATCH = 1000;

	private final FieldCipher cipher;

	private final ContactIndex index;

	V9_1__Encrypt_contact_data(FieldCipher cipher) {
		this.cipher = cipher;
		this.index = new ContactIndex(cipher);
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		contacts(connection);
		addresses(connection);
		revisions(connection, "contact_revision", EncryptedColumns.CONTACT_REVISION, "phone", "email", "wechat");
		revisions(connection, "customer_revision", EncryptedColumns.CUSTOMER_REVISION, "address");
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("alter table contact drop column phone, drop column phone_normalized,"
					+ " drop column email, drop column wechat");
			ddl.execute("alter table customer drop column address");
		}
	}

	private void contacts(Connection connection) throws SQLException {
		try (Statement select = fetching(connection);
				ResultSet rows = select.executeQuery("select id, phone, email, wechat from contact"
						+ " where phone is not null or email is not null or wechat is not null");
				PreparedStatement update = connection.prepareStatement("update contact set phone_encrypted = ?,"
						+ " email_encrypted = ?, wechat_encrypted = ?, phone_index = ?, email_index = ? where id = ?")) {
			int pending = 0;
			while (rows.next()) {
				String phone = rows.getString("phone");
				String email = rows.getString("email");
				update.setBytes(1, this.cipher.encrypt(phone, EncryptedColumns.CONTACT_PHONE));
				update.setBytes(2, this.cipher.encrypt(email, EncryptedColumns.CONTACT_EMAIL));
				update.setBytes(3, this.cipher.encrypt(rows.getString("wechat"), EncryptedColumns.CONTACT_WECHAT));
				update.setBytes(4, this.index.phone(phone));
				update.setBytes(5, this.index.email(email));
				update.setLong(6, rows.getLong("id"));
				pending = batch(update, pending);
			}
			update.executeBatch();
		}
	}

	private void addresses(Connection connection) throws SQLException {
		try (Statement select = fetching(connection);
				ResultSet rows = select.executeQuery("select id, address from customer where address is not null");
				PreparedStatement update = connection
					.prepareStatement("update customer set address_encrypted = ? where id = ?")) {
			int pending = 0;
			while (rows.next()) {
				update.setBytes(1, this.cipher.encrypt(rows.getString("address"), EncryptedColumns.CUSTOMER_ADDRESS));
				update.setLong(2, rows.getLong("id"));
				pending = batch(update, pending);
			}
			update.executeBatch();
		}
	}

	/** Moves the sensitive keys of each snapshot into an encrypted JSON object. */
	private void revisions(Connection connection, String table, EncryptedColumn column, String... keys)
			throws SQLException {
		String pick = String.join(", ", Arrays.stream(keys).map(k -> "'" + k + "'").toList());
		try (Statement select = fetching(connection);
				ResultSet rows = select.executeQuery("select id, (select jsonb_object_agg(key, value)"
						+ " from jsonb_each(snapshot) where key in (" + pick + "))::text as sensitive from " + table);
				PreparedStatement update = connection.prepareStatement("update " + table
						+ " set sensitive_encrypted = ?, snapshot = snapshot - cast(? as text[]) where id = ?")) {
			int pending = 0;
			while (rows.next()) {
				String sensitive = rows.getString("sensitive");
				update.setBytes(1, this.cipher.encrypt(sensitive == null ? "{}" : sensitive, column));
				update.setArray(2, connection.createArrayOf("text", keys));
				update.setLong(3, rows.getLong("id"));
				pending = batch(update, pending);
			}
			update.executeBatch();
		}
	}

	/** Streams the rows instead of reading them all into memory. */
	private static Statement fetching(Connection connection) throws SQLException {
		Statement select = connection.createStatement();
		select.setFetchSize(BATCH);
		return select;
	}

	private static int batch(PreparedStatement update, int pending) throws SQLException {
		update.addBatch();
		if (pending + 1 < BATCH) {
			return pending + 1;
		}
		update.executeBatch();
		return 0;
	}

}
