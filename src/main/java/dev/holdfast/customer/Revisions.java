package dev.holdfast.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every change of a customer or contact leaves its new state behind as a revision, so the
 * whole history can be read and any earlier state restored.
 */
@Component
class Revisions {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	Revisions(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void ofCustomer(Customer customer, String change, long by) {
		this.jdbc.sql("""
				insert into customer_revision (customer_id, version, change, snapshot, changed_by)
				values (?, ?, ?, cast(? as jsonb), ?)""")
			.params(customer.getId(), customer.getVersion(), change, this.json.writeValueAsString(customer.snapshot()),
					by)
			.update();
	}

	void ofContact(Contact contact, String change, long by) {
		this.jdbc.sql("""
				insert into contact_revision (contact_id, customer_id, version, change, snapshot, changed_by)
				values (?, ?, ?, ?, cast(? as jsonb), ?)""")
			.params(contact.getId(), contact.getCustomerId(), contact.getVersion(), change,
					this.json.writeValueAsString(contact.snapshot()), by)
			.update();
	}

	/** Customer and contact revisions of a customer, newest first. */
	List<RevisionView> of(long customerId) {
		return this.jdbc.sql("""
				select * from (
				    select id, 'customer' as entity, customer_id as entity_id, version, change, snapshot::text,
				           changed_at, changed_by
				    from customer_revision where customer_id = :id
				    union all
				    select id, 'contact', contact_id, version, change, snapshot::text, changed_at, changed_by
				    from contact_revision where customer_id = :id) r
				order by changed_at desc, id desc""").param("id", customerId).query(this::view).list();
	}

	Optional<RevisionView> find(long customerId, String entity, long revisionId) {
		return of(customerId).stream().filter(r -> r.entity().equals(entity) && r.id() == revisionId).findFirst();
	}

	private RevisionView view(ResultSet rs, int row) throws SQLException {
		return new RevisionView(rs.getLong("id"), rs.getString("entity"), rs.getLong("entity_id"),
				rs.getLong("version"), rs.getString("change"), this.json.readValue(rs.getString("snapshot"), MAP),
				rs.getTimestamp("changed_at").toInstant(), rs.getObject("changed_by", Long.class), null);
	}

}
