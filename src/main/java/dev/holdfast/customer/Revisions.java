package dev.holdfast.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.crypto.EncryptedColumn;
import dev.holdfast.shared.crypto.FieldCipher;

/**
 * Every change of a customer or contact leaves its new state behind as a revision, so the
 * whole history can be read and any earlier state restored.
 */
@Component
public class Revisions {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	/** Kept out of the plain snapshot and stored encrypted beside it. */
	static final Set<String> CUSTOMER_SENSITIVE = Set.of("address");

	static final Set<String> CONTACT_SENSITIVE = Set.of("phone", "email", "wechat", "address");

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final FieldCipher cipher;

	Revisions(JdbcClient jdbc, ObjectMapper json, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.json = json;
		this.cipher = cipher;
	}

	public void ofCustomer(Customer customer, String change, long by) {
		Map<String, Object> snapshot = customer.snapshot();
		this.jdbc.sql("""
				insert into customer_revision (customer_id, version, change, snapshot, sensitive_encrypted, changed_by)
				values (?, ?, ?, cast(? as jsonb), ?, ?)""")
			.params(customer.getId(), customer.getVersion(), change, plain(snapshot, CUSTOMER_SENSITIVE),
					sensitive(snapshot, CUSTOMER_SENSITIVE, EncryptedColumns.CUSTOMER_REVISION), by)
			.update();
	}

	void ofContact(Contact contact, String change, long by) {
		Map<String, Object> snapshot = contact.snapshot();
		this.jdbc.sql("""
				insert into contact_revision (contact_id, customer_id, version, change, snapshot, sensitive_encrypted,
				                              changed_by)
				values (?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
			.params(contact.getId(), contact.getCustomerId(), contact.getVersion(), change,
					plain(snapshot, CONTACT_SENSITIVE),
					sensitive(snapshot, CONTACT_SENSITIVE, EncryptedColumns.CONTACT_REVISION), by)
			.update();
	}

	/** The first state of a customer or contact brought in, as of the day it began. */
	record First(long entityId, long customerId, Map<String, Object> snapshot, Instant at) {
	}

	/** The first revisions (version 0) of customers brought in, in one statement. */
	void ofNewCustomers(List<First> customers, String change, long by) {
		this.jdbc.sql("""
				insert into customer_revision (customer_id, version, change, snapshot, sensitive_encrypted, changed_at,
				                               changed_by)
				select r.id, 0, :change, r.snapshot::jsonb, r.sensitive, r.at, :by
				from unnest(:ids::bigint[], :snapshots::text[], :sensitive::bytea[], :at::timestamptz[])
				     as r (id, snapshot, sensitive, at)""")
			.param("ids", customers.stream().map(First::entityId).toArray(Long[]::new))
			.params(firsts(customers, CUSTOMER_SENSITIVE, EncryptedColumns.CUSTOMER_REVISION))
			.param("change", change)
			.param("by", by)
			.update();
	}

	/** The first revisions (version 0) of contacts brought in, in one statement. */
	void ofNewContacts(List<First> contacts, String change, long by) {
		this.jdbc.sql("""
				insert into contact_revision (contact_id, customer_id, version, change, snapshot, sensitive_encrypted,
				                              changed_at, changed_by)
				select r.id, r.customer_id, 0, :change, r.snapshot::jsonb, r.sensitive, r.at, :by
				from unnest(:ids::bigint[], :customers::bigint[], :snapshots::text[], :sensitive::bytea[],
				            :at::timestamptz[]) as r (id, customer_id, snapshot, sensitive, at)""")
			.param("ids", contacts.stream().map(First::entityId).toArray(Long[]::new))
			.param("customers", contacts.stream().map(First::customerId).toArray(Long[]::new))
			.params(firsts(contacts, CONTACT_SENSITIVE, EncryptedColumns.CONTACT_REVISION))
			.param("change", change)
			.param("by", by)
			.update();
	}

	private Map<String, Object> firsts(List<First> firsts, Set<String> sensitive, EncryptedColumn column) {
		return Map.of("snapshots", firsts.stream().map(f -> plain(f.snapshot(), sensitive)).toArray(String[]::new),
				"sensitive",
				firsts.stream().map(f -> sensitive(f.snapshot(), sensitive, column)).toArray(byte[][]::new), "at",
				firsts.stream().map(f -> f.at().toString()).toArray(String[]::new));
	}

	private String plain(Map<String, Object> snapshot, Set<String> sensitive) {
		Map<String, Object> plain = new LinkedHashMap<>(snapshot);
		plain.keySet().removeAll(sensitive);
		return this.json.writeValueAsString(plain);
	}

	private byte[] sensitive(Map<String, Object> snapshot, Set<String> sensitive, EncryptedColumn column) {
		Map<String, Object> values = new LinkedHashMap<>();
		snapshot.forEach((key, value) -> {
			if (sensitive.contains(key)) {
				values.put(key, value);
			}
		});
		return this.cipher.encrypt(this.json.writeValueAsString(values), column);
	}

	/** Customer and contact revisions of a customer, newest first. */
	List<RevisionView> of(long customerId) {
		return this.jdbc.sql("""
				select * from (
				    select id, 'customer' as entity, customer_id as entity_id, version, change, snapshot::text,
				           sensitive_encrypted, changed_at, changed_by
				    from customer_revision where customer_id = :id
				    union all
				    select id, 'contact', contact_id, version, change, snapshot::text, sensitive_encrypted,
				           changed_at, changed_by
				    from contact_revision where customer_id = :id) r
				order by changed_at desc, id desc""").param("id", customerId).query(this::view).list();
	}

	Optional<RevisionView> find(long customerId, String entity, long revisionId) {
		return of(customerId).stream().filter(r -> r.entity().equals(entity) && r.id() == revisionId).findFirst();
	}

	private RevisionView view(ResultSet rs, int row) throws SQLException {
		String entity = rs.getString("entity");
		Map<String, Object> snapshot = new LinkedHashMap<>(this.json.readValue(rs.getString("snapshot"), MAP));
		String sensitive = this.cipher.decrypt(rs.getBytes("sensitive_encrypted"),
				"contact".equals(entity) ? EncryptedColumns.CONTACT_REVISION : EncryptedColumns.CUSTOMER_REVISION);
		if (sensitive != null) {
			snapshot.putAll(this.json.readValue(sensitive, MAP));
		}
		return new RevisionView(rs.getLong("id"), entity, rs.getLong("entity_id"), rs.getLong("version"),
				rs.getString("change"), snapshot, rs.getTimestamp("changed_at").toInstant(),
				rs.getObject("changed_by", Long.class), null);
	}

}
