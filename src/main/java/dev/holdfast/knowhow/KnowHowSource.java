package dev.holdfast.knowhow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.EncryptedColumn;
import dev.holdfast.shared.FieldCipher;

/**
 * Reads what a publication is made from: the customer, the names and contact data of its
 * contacts (decrypted only to find and remove them in the texts), and the chosen
 * follow-ups in the order they happened.
 */
@Component
class KnowHowSource {

	private static final EncryptedColumn PHONE = new EncryptedColumn("contact", "phone_encrypted");

	private static final EncryptedColumn EMAIL = new EncryptedColumn("contact", "email_encrypted");

	private static final EncryptedColumn WECHAT = new EncryptedColumn("contact", "wechat_encrypted");

	private static final EncryptedColumn ADDRESS = new EncryptedColumn("customer", "address_encrypted");

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	KnowHowSource(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	SourceSequence.Customer customer(long id) {
		return this.jdbc.sql("select id, name, kind, level, industry, status from customer where id = :id")
			.param("id", id)
			.query(SourceSequence.Customer.class)
			.single();
	}

	/** The customer's latest follow-ups, newest first, to choose from. */
	List<PublishCandidate> candidates(long customerId, int limit) {
		return this.jdbc.sql("""
				select id, kind, content, created_at from follow_up where customer_id = :customer
				order by created_at desc, id desc limit :limit""")
			.param("customer", customerId)
			.param("limit", limit)
			.query((rs, row) -> new PublishCandidate(rs.getLong("id"), rs.getString("kind"), rs.getString("content"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** The chosen follow-ups of the customer; ids of another customer are not found. */
	List<SourceSequence.FollowUp> byIds(long customerId, List<Long> ids) {
		return this.jdbc.sql("""
				select id, kind, content, created_at from follow_up
				where customer_id = :customer and id in (:ids) order by created_at, id""")
			.param("customer", customerId)
			.param("ids", ids)
			.query(KnowHowSource::followUp)
			.list();
	}

	/**
	 * The customer's follow-ups on the days from {@code from} to {@code to}, inclusive.
	 */
	List<SourceSequence.FollowUp> between(long customerId, LocalDate from, LocalDate to, ZoneId zone, int limit) {
		return this.jdbc.sql("""
				select id, kind, content, created_at from follow_up
				where customer_id = :customer and created_at >= :from and created_at < :to
				order by created_at, id limit :limit""")
			.param("customer", customerId)
			.param("from", java.sql.Timestamp.from(from.atStartOfDay(zone).toInstant()))
			.param("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
			.param("limit", limit)
			.query(KnowHowSource::followUp)
			.list();
	}

	private static SourceSequence.FollowUp followUp(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new SourceSequence.FollowUp(rs.getLong("id"), rs.getString("kind"), rs.getString("content"),
				rs.getTimestamp("created_at").toInstant());
	}

	SourceSequence sequence(SourceSequence.Customer customer, List<SourceSequence.FollowUp> followUps) {
		List<String> names = new ArrayList<>();
		Map<String, String> known = new LinkedHashMap<>();
		this.jdbc.sql("""
				select name, phone_encrypted, email_encrypted, wechat_encrypted from contact
				where customer_id = :customer order by id""").param("customer", customer.id()).query((rs, row) -> {
			names.add(rs.getString("name"));
			known.put(this.cipher.decrypt(rs.getBytes("phone_encrypted"), PHONE), Redaction.PHONE);
			known.put(this.cipher.decrypt(rs.getBytes("email_encrypted"), EMAIL), Redaction.EMAIL);
			known.put(this.cipher.decrypt(rs.getBytes("wechat_encrypted"), WECHAT), Redaction.WECHAT);
			return row;
		}).list();
		this.jdbc.sql("select address_encrypted from customer where id = :id")
			.param("id", customer.id())
			.query((rs, row) -> known.put(this.cipher.decrypt(rs.getBytes(1), ADDRESS), Redaction.ADDRESS))
			.list();
		known.remove(null);
		return new SourceSequence(customer, names, known, followUps);
	}

}
