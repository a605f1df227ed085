package dev.holdfast.customer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.PhoneNumbers;

/**
 * 查重: refuses a company whose normalised name exists, or a contact phone that belongs to
 * another customer. The answer says whether the caller may see the existing customer, and
 * names it only then: it never reveals who owns an invisible duplicate.
 */
@Component
class DuplicateCheck {

	private final Customers customers;

	private final JdbcClient jdbc;

	private final CustomerVisibility visibility;

	private final ContactIndex index;

	DuplicateCheck(Customers customers, JdbcClient jdbc, CustomerVisibility visibility, ContactIndex index) {
		this.index = index;
		this.customers = customers;
		this.jdbc = jdbc;
		this.visibility = visibility;
	}

	void companyName(CustomerData data, Long exceptCustomerId) {
		if (data.kind() != CustomerKind.COMPANY) {
			return;
		}
		this.customers
			.findFirstByNormalizedNameAndKindAndCanaryOwnerIdIsNull(CustomerNames.normalize(data.name()),
					CustomerKind.COMPANY)
			.filter(existing -> !existing.getId().equals(exceptCustomerId))
			.ifPresent(existing -> {
				throw duplicate(existing.getId(), "a company with this name exists");
			});
	}

	/** Locks the phone number until commit, so two requests can't both add it. */
	void phone(String phone, long customerId) {
		Optional<String> normalized = PhoneNumbers.normalize(phone);
		if (normalized.isEmpty()) {
			return;
		}
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(normalized.get()).query(Object.class).single();
		this.jdbc.sql("""
				select customer_id from contact
				where phone_index = ? and customer_id <> ? and archived_at is null
				  and customer_id not in (select k.id from customer k where k.canary_owner_id is not null)
				limit 1""")
			.params(this.index.phone(phone), customerId)
			.query(Long.class)
			.optional()
			.ifPresent(existing -> {
				throw duplicate(existing, "a contact with this phone number exists at another customer");
			});
	}

	private ConflictException duplicate(long existingCustomerId, String message) {
		boolean visible = this.visibility.accessTo(existingCustomerId).canRead();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("visible", visible);
		if (visible) {
			details.put("existingId", existingCustomerId);
		}
		// a customer in the public pool is said to be there, never whose it was
		if (this.jdbc.sql("select owner_id is null from customer where id = ?")
			.param(existingCustomerId)
			.query(Boolean.class)
			.single()) {
			details.put("inPool", true);
		}
		return new ConflictException("duplicate", message, details);
	}

}
