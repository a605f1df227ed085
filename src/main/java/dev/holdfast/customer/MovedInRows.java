package dev.holdfast.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.crypto.FieldCipher;

/**
 * The rows of customers and contacts brought in, written one statement per table for a
 * whole chunk (arrays unnested by PostgreSQL), from entities described as
 * {@link CustomerManagement} and {@link ContactManagement} describe theirs, and encrypted
 * by the same converters JPA uses for them.
 */
@Component
class MovedInRows {

	/** A customer to write: its id, entity and first day. */
	record CustomerRow(long id, Customer customer, Instant since) {
	}

	/** A contact to write: its id, entity and first day. */
	record ContactRow(long id, Contact contact, Instant since) {
	}

	private final JdbcClient jdbc;

	private final EncryptedFields.CustomerAddress customerAddress;

	private final EncryptedFields.ContactPhone phone;

	private final EncryptedFields.ContactEmail email;

	private final EncryptedFields.ContactWechat wechat;

	private final EncryptedFields.ContactAddress contactAddress;

	private final HoldfastClock clock;

	MovedInRows(JdbcClient jdbc, FieldCipher cipher, HoldfastClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.customerAddress = new EncryptedFields.CustomerAddress(cipher);
		this.phone = new EncryptedFields.ContactPhone(cipher);
		this.email = new EncryptedFields.ContactEmail(cipher);
		this.wechat = new EncryptedFields.ContactWechat(cipher);
		this.contactAddress = new EncryptedFields.ContactAddress(cipher);
	}

	/** Ids for new customers, taken from the table's own sequence in one round trip. */
	List<Long> customerIds(int count) {
		return ids("select nextval(pg_get_serial_sequence('customer', 'id')) from generate_series(1, ?)", count);
	}

	/** Ids for new contacts, taken from the table's own sequence in one round trip. */
	List<Long> contactIds(int count) {
		return ids("select nextval(pg_get_serial_sequence('contact', 'id')) from generate_series(1, ?)", count);
	}

	private List<Long> ids(String sql, int count) {
		return count == 0 ? List.of() : this.jdbc.sql(sql).param(count).query(Long.class).list();
	}

	/**
	 * Of these customers, the ones still in the pool (no owner, not archived) that
	 * {@code by} brought in with this owner history reason (one import or the demo).
	 */
	Set<Long> broughtIntoPool(Collection<Long> customerIds, long by, String reason) {
		return new HashSet<>(this.jdbc.sql("""
				select c.id from customer c
				where c.id = any(:ids::bigint[]) and c.owner_id is null and c.archived_at is null
				  and exists (select 1 from customer_owner_history h
				              where h.customer_id = c.id and h.kind = 'IMPORTED' and h.changed_by = :by
				                and h.reason = :reason)""")
			.param("ids", customerIds.toArray(Long[]::new))
			.param("by", by)
			.param("reason", reason)
			.query(Long.class)
			.list());
	}

	/**
	 * Writes the customers as of their first day; a company name taken meanwhile refuses
	 * the whole chunk (409). Their status counts as changed now: when it last changed
	 * before is not known, and the public pool's no-progress rule would otherwise take
	 * back on the first night every customer that began long ago.
	 */
	void insertCustomers(List<CustomerRow> rows, long by) {
		try {
			this.jdbc
				.sql("""
						insert into customer (id, name, normalized_name, kind, level, industry, source, region,
						                      address_encrypted, notes, status, owner_id, created_at, created_by, updated_at,
						                      updated_by, status_changed_at)
						select r.id, r.name, r.normalized, r.kind, r.level, r.industry, r.source, r.region, r.address,
						       r.notes, r.status, r.owner, r.since, :by, r.since, :by, :now
						from unnest(:ids::bigint[], :names::text[], :normalized::text[], :kinds::text[], :levels::text[],
						            :industries::text[], :sources::text[], :regions::text[], :addresses::bytea[],
						            :notes::text[], :statuses::text[], :owners::bigint[], :since::timestamptz[])
						     as r (id, name, normalized, kind, level, industry, source, region, address, notes, status,
						           owner, since)""")
				.param("ids", rows.stream().map(CustomerRow::id).toArray(Long[]::new))
				.param("names", text(rows, r -> r.customer().getName()))
				.param("normalized", text(rows, r -> r.customer().getNormalizedName()))
				.param("kinds", text(rows, r -> r.customer().getKind().name()))
				.param("levels", text(rows, r -> r.customer().data().level().name()))
				.param("industries", text(rows, r -> r.customer().data().industry()))
				.param("sources", text(rows, r -> r.customer().data().source()))
				.param("regions", text(rows, r -> r.customer().data().region()))
				.param("addresses",
						rows.stream()
							.map(r -> this.customerAddress.convertToDatabaseColumn(r.customer().data().address()))
							.toArray(byte[][]::new))
				.param("notes", text(rows, r -> r.customer().data().notes()))
				.param("statuses", text(rows, r -> r.customer().data().status().name()))
				.param("owners", rows.stream().map(r -> r.customer().getOwnerId()).toArray(Long[]::new))
				.param("since", text(rows, r -> r.since().toString()))
				.param("now", Timestamp.from(this.clock.now()))
				.param("by", by)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("duplicate_name",
					"a company of one of these names was recorded meanwhile; check the names again");
		}
	}

	/** Writes the contacts as of their first day, encrypted and indexed. */
	void insertContacts(List<ContactRow> rows, long by) {
		this.jdbc.sql("""
				insert into contact (id, customer_id, name, title, phone_encrypted, phone_index, email_encrypted,
				                     email_index, wechat_encrypted, address_encrypted, gender, birthday, notes,
				                     created_at, created_by, updated_at, updated_by)
				select r.id, r.customer_id, r.name, r.title, r.phone, r.phone_index, r.email, r.email_index, r.wechat,
				       r.address, r.gender, r.birthday, r.notes, r.since, :by, r.since, :by
				from unnest(:ids::bigint[], :customers::bigint[], :names::text[], :titles::text[], :phones::bytea[],
				            :phoneIndexes::bytea[], :emails::bytea[], :emailIndexes::bytea[], :wechats::bytea[],
				            :addresses::bytea[], :genders::text[], :birthdays::date[], :notes::text[],
				            :since::timestamptz[])
				     as r (id, customer_id, name, title, phone, phone_index, email, email_index, wechat, address,
				           gender, birthday, notes, since)""").params(contactColumns(rows)).param("by", by).update();
	}

	private Map<String, Object> contactColumns(List<ContactRow> rows) {
		return Map.ofEntries(Map.entry("ids", rows.stream().map(ContactRow::id).toArray(Long[]::new)),
				Map.entry("customers", rows.stream().map(r -> r.contact().getCustomerId()).toArray(Long[]::new)),
				Map.entry("names", contactText(rows, ContactData::name)),
				Map.entry("titles", contactText(rows, ContactData::title)),
				Map.entry("phones", bytes(rows, r -> this.phone.convertToDatabaseColumn(r.contact().data().phone()))),
				Map.entry("phoneIndexes", bytes(rows, r -> r.contact().phoneIndex())),
				Map.entry("emails", bytes(rows, r -> this.email.convertToDatabaseColumn(r.contact().data().email()))),
				Map.entry("emailIndexes", bytes(rows, r -> r.contact().emailIndex())),
				Map.entry("wechats",
						bytes(rows, r -> this.wechat.convertToDatabaseColumn(r.contact().data().wechat()))),
				Map.entry("addresses",
						bytes(rows, r -> this.contactAddress.convertToDatabaseColumn(r.contact().data().address()))),
				Map.entry("genders", contactText(rows, d -> d.gender().name())),
				Map.entry("birthdays", contactText(rows, d -> d.birthday() == null ? null : d.birthday().toString())),
				Map.entry("notes", contactText(rows, ContactData::notes)),
				Map.entry("since", rows.stream().map(r -> r.since().toString()).toArray(String[]::new)));
	}

	private static String[] text(List<CustomerRow> rows, Function<CustomerRow, String> value) {
		return rows.stream().map(value).toArray(String[]::new);
	}

	private static String[] contactText(List<ContactRow> rows, Function<ContactData, String> value) {
		return rows.stream().map(r -> value.apply(r.contact().data())).toArray(String[]::new);
	}

	private static byte[][] bytes(List<ContactRow> rows, Function<ContactRow, byte[]> value) {
		return rows.stream().map(value).toArray(byte[][]::new);
	}

}
