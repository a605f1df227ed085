package dev.holdfast.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.shared.Permission;

/**
 * Who owned which customers, and where those customers stand now, for the post-departure
 * watch: a query API of the owner of {@code customer} and {@code customer_owner_history}.
 * Ids, levels, statuses and times only, never contact data; callers decide who may see
 * them and name customers through the visibility rule, except in an evidence package
 * ({@link #namesForEvidence}).
 */
@Service
public class FormerCustomers {

	private final JdbcClient jdbc;

	private final Contacts contacts;

	FormerCustomers(JdbcClient jdbc, Contacts contacts) {
		this.jdbc = jdbc;
		this.contacts = contacts;
	}

	/**
	 * A contact whose e-mail address is at one of the domains asked about: the contact,
	 * its customer, when it was last changed and the domain (never the address).
	 */
	public record ContactAtDomain(long contactId, long customerId, Instant changedAt, String domain) {
	}

	/**
	 * Where a customer stands now.
	 *
	 * @param statusChangedAt when the status last changed, null if never
	 * @param archivedAt null for a customer in use
	 */
	public record CustomerState(long customerId, Long ownerId, CustomerLevel level, CustomerStatus status,
			Instant statusChangedAt, Instant archivedAt) {
	}

	/**
	 * The customers the employee owned at any time since the instant: given away (handed
	 * over, transferred, released) since then, received since then, or still owned.
	 */
	@Transactional(readOnly = true)
	public Set<Long> ownedSince(long employeeId, Instant since) {
		return new TreeSet<>(this.jdbc.sql("""
				select h.customer_id from customer_owner_history h
				where (h.old_owner_id = :employee or h.new_owner_id = :employee) and h.changed_at >= :since
				union
				select c.id from customer c where c.owner_id = :employee""")
			.param("employee", employeeId)
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.list());
	}

	/**
	 * The customers' names for an evidence package, whose builders
	 * ({@code evidence.build}) name a former employee's customers whoever owns them now,
	 * as its handover record does.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> namesForEvidence(Collection<Long> customerIds) {
		Permission.EVIDENCE_BUILD.require();
		if (customerIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> names = new HashMap<>();
		this.jdbc.sql("select id, name from customer where id in (:ids)")
			.param("ids", customerIds)
			.query((rs, row) -> names.put(rs.getLong("id"), rs.getString("name")))
			.list();
		return names;
	}

	/** Where each customer stands now; customers that are gone are left out. */
	@Transactional(readOnly = true)
	public List<CustomerState> states(Collection<Long> customerIds) {
		if (customerIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select c.id, c.owner_id, c.level, c.status, c.status_changed_at, c.archived_at
				from customer c where c.id in (:ids) order by c.id""")
			.param("ids", customerIds)
			.query((rs, row) -> new CustomerState(rs.getLong("id"), (Long) rs.getObject("owner_id"),
					rs.getString("level") == null ? null : CustomerLevel.valueOf(rs.getString("level")),
					CustomerStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("status_changed_at")),
					instant(rs.getTimestamp("archived_at"))))
			.list();
	}

	/**
	 * Contacts of the customers, changed (or added) at or after the instant, whose e-mail
	 * address is now at one of the domains (lower case, without {@code @}); decrypted
	 * here and answered as the domain only.
	 */
	@Transactional(readOnly = true)
	public List<ContactAtDomain> emailsAt(Collection<Long> customerIds, Instant since, Collection<String> domains) {
		if (customerIds.isEmpty() || domains.isEmpty()) {
			return List.of();
		}
		return this.contacts.findByCustomerIdInAndUpdatedAtGreaterThanEqualAndArchivedAtIsNull(customerIds, since)
			.stream()
			.map(Contact::toView)
			.filter(c -> c.email() != null && c.email().contains("@"))
			.map(c -> new ContactAtDomain(c.id(), c.customerId(), c.updatedAt(),
					c.email().substring(c.email().lastIndexOf('@') + 1).trim().toLowerCase(java.util.Locale.ROOT)))
			.filter(c -> domains.contains(c.domain()))
			.toList();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
