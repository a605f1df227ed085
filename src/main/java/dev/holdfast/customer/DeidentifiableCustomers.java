package dev.holdfast.customer;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.shared.crypto.FieldCipher;

/**
 * What a module that publishes de-identified copies (know-how) needs of a customer: its
 * plain facts, and everything that would identify it (contacts' names, phones, e-mail
 * addresses, WeChat ids and the customer's address), decrypted here, inside the customer
 * module, so that the copy can be cleaned of them. The identifiers are never to be shown
 * or stored. Both answer 404 for a customer the caller may not see.
 */
@Service
public class DeidentifiableCustomers {

	/** A customer's plain facts, without anything sensitive. */
	public record Facts(long id, String name, String kind, String level, String industry, String status) {
	}

	/** What would identify the customer, to find and remove it in texts. */
	public record Identifiers(List<String> contactNames, List<String> phones, List<String> emails,
			List<String> wechatIds, String address) {
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final CustomerVisibility visibility;

	DeidentifiableCustomers(JdbcClient jdbc, FieldCipher cipher, CustomerVisibility visibility) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.visibility = visibility;
	}

	@Transactional(readOnly = true)
	public Facts facts(long customerId) {
		this.visibility.requireVisible(customerId);
		return this.jdbc.sql("select id, name, kind, level, industry, status from customer where id = :id")
			.param("id", customerId)
			.query(Facts.class)
			.single();
	}

	@Transactional(readOnly = true)
	public Identifiers identifiers(long customerId) {
		this.visibility.requireVisible(customerId);
		List<String> names = new ArrayList<>();
		List<String> phones = new ArrayList<>();
		List<String> emails = new ArrayList<>();
		List<String> wechatIds = new ArrayList<>();
		this.jdbc.sql("""
				select name, phone_encrypted, email_encrypted, wechat_encrypted from contact
				where customer_id = :customer order by id""").param("customer", customerId).query((rs, row) -> {
			names.add(rs.getString("name"));
			phones.add(this.cipher.decrypt(rs.getBytes("phone_encrypted"), EncryptedColumns.CONTACT_PHONE));
			emails.add(this.cipher.decrypt(rs.getBytes("email_encrypted"), EncryptedColumns.CONTACT_EMAIL));
			wechatIds.add(this.cipher.decrypt(rs.getBytes("wechat_encrypted"), EncryptedColumns.CONTACT_WECHAT));
			return row;
		}).list();
		String address = this.jdbc.sql("select address_encrypted from customer where id = :id")
			.param("id", customerId)
			.query((rs, row) -> this.cipher.decrypt(rs.getBytes(1), EncryptedColumns.CUSTOMER_ADDRESS))
			.optional()
			.orElse(null);
		return new Identifiers(names, phones, emails, wechatIds, address);
	}

}
