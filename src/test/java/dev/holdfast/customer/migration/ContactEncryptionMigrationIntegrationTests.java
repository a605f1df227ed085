package dev.holdfast.customer.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.holdfast.HoldfastIntegrationTest;
import dev.holdfast.TestData;
import dev.holdfast.customer.EncryptedColumns;
import dev.holdfast.customer.contact.ContactIndex;
import dev.holdfast.shared.crypto.FieldCipher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database from before V9, with plaintext contact data in rows and revisions, migrated
 * to the current schema: every value encrypted and indexed, the plaintext columns gone.
 * Runs on a database of its own in the test JVM's PostgreSQL.
 */
@HoldfastIntegrationTest
class ContactEncryptionMigrationIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	@Autowired
	V9_1__Encrypt_contact_data encryption;

	@Test
	void plaintextRowsAreEncryptedIndexedAndTheirColumnsDropped() throws SQLException {
		String database = "v9_" + TestData.unique("migration");
		this.jdbc.sql("create database " + database).update();
		try {
			DataSource old = dataSource(database);
			Flyway.configure().dataSource(old).locations("classpath:db/migration").target("8").load().migrate();
			JdbcClient db = JdbcClient.create(old);
			long customer = db.sql("""
					insert into customer (name, normalized_name, kind, address)
					values ('南京紫金软件有限公司', '南京紫金软件', 'COMPANY', '南京市玄武区珠江路88号') returning id""")
				.query(Long.class)
				.single();
			db.sql("""
					insert into contact (customer_id, name, phone, phone_normalized, email, wechat)
					values (?, '陈静', '13912345678', '+8613912345678', 'ChenJing@Example.cn', 'wx_chenjing')""")
				.param(customer)
				.update();
			long contact = db.sql("select id from contact").query(Long.class).single();
			db.sql("""
					insert into contact_revision (contact_id, customer_id, version, change, snapshot)
					values (?, ?, 0, 'CREATED', '{"name": "陈静", "phone": "13912345678", "email": "ChenJing@Example.cn",
					        "wechat": "wx_chenjing"}')""").params(contact, customer).update();
			db.sql("""
					insert into customer_revision (customer_id, version, change, snapshot)
					values (?, 0, 'CREATED', '{"name": "南京紫金软件有限公司", "address": "南京市玄武区珠江路88号"}')""")
				.param(customer)
				.update();

			Flyway.configure()
				.dataSource(old)
				.locations("classpath:db/migration")
				.javaMigrations(this.encryption)
				.load()
				.migrate();

			assertThat(columns(db, "contact")).contains("phone_encrypted", "phone_index", "email_index")
				.doesNotContain("phone", "phone_normalized", "email", "wechat");
			assertThat(columns(db, "customer")).contains("address_encrypted").doesNotContain("address");
			for (String table : List.of("contact", "customer", "contact_revision", "customer_revision")) {
				assertThat(db.sql("select t::text from " + table + " t").query(String.class).list())
					.noneMatch(row -> row.contains("13912345678") || row.contains("ChenJing")
							|| row.contains("wx_chenjing") || row.contains("珠江路"));
			}
			Map<String, Object> row = db.sql("select * from contact").query().singleRow();
			assertThat(this.cipher.decrypt((byte[]) row.get("phone_encrypted"), EncryptedColumns.CONTACT_PHONE))
				.isEqualTo("13912345678");
			assertThat(this.cipher.decrypt((byte[]) row.get("wechat_encrypted"), EncryptedColumns.CONTACT_WECHAT))
				.isEqualTo("wx_chenjing");
			ContactIndex index = new ContactIndex(this.cipher);
			assertThat((byte[]) row.get("phone_index")).isEqualTo(index.phone("+86 139 1234 5678"));
			assertThat((byte[]) row.get("email_index")).isEqualTo(index.email("chenjing@example.cn"));
			assertThat(
					this.cipher.decrypt(db.sql("select address_encrypted from customer").query(byte[].class).single(),
							EncryptedColumns.CUSTOMER_ADDRESS))
				.isEqualTo("南京市玄武区珠江路88号");
			assertThat(this.cipher.decrypt(
					db.sql("select sensitive_encrypted from contact_revision").query(byte[].class).single(),
					EncryptedColumns.CONTACT_REVISION))
				.contains("\"phone\": \"13912345678\"", "\"wechat\": \"wx_chenjing\"");
			assertThat(db.sql("select snapshot->>'name' from contact_revision").query(String.class).single())
				.isEqualTo("陈静");
		}
		finally {
			this.jdbc.sql("drop database if exists " + database + " with (force)").update();
		}
	}

	private DataSource dataSource(String database) throws SQLException {
		String url;
		String user;
		try (Connection connection = this.dataSource.getConnection()) {
			url = connection.getMetaData().getURL();
			user = connection.getMetaData().getUserName();
		}
		String other = url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
		return new SimpleDriverDataSource(new Driver(), other, user, "");
	}

	private static List<String> columns(JdbcClient db, String table) {
		return db.sql("select column_name from information_schema.columns where table_name = ?")
			.param(table)
			.query(String.class)
			.list();
	}

}
