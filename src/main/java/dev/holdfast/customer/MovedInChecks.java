package dev.holdfast.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.MovedInCustomers.NewCustomer;
import dev.holdfast.customer.contact.ContactIndex;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.PhoneNumbers;
import dev.holdfast.shared.RowErrors;

/**
 * What must hold of customers brought in before anything is written: forms valid by the
 * API's own rules, a first day that is not in the future, owners who may own customers
 * and whom the caller's scope covers (as for a customer created with an owner), no
 * company name the database already holds, and no phone another customer's contact has.
 * Errors name the row.
 */
@Component
class MovedInChecks {

	private final Validator validator;

	private final OwnerCandidates candidates;

	private final HoldfastClock clock;

	private final JdbcClient jdbc;

	private final ContactIndex index;

	MovedInChecks(Validator validator, OwnerCandidates candidates, HoldfastClock clock, JdbcClient jdbc,
			ContactIndex index) {
		this.index = index;
		this.validator = validator;
		this.candidates = candidates;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** Refuses the chunk (400 at a row's field, 409 for a taken name) unless all hold. */
	void require(List<NewCustomer> customers, long me) {
		RowErrors errors = new RowErrors(this.validator);
		for (int i = 0; i < customers.size(); i++) {
			String row = "customers[" + i + "]";
			NewCustomer customer = customers.get(i);
			if (customer == null || customer.customer() == null) {
				errors.add(row + ".customer", "is required");
				continue;
			}
			errors.validate(row + ".customer", customer.customer());
			since(errors, row + ".since", customer.since());
			if (customer.ownedSince() != null && !customer.ownedSince().equals(customer.since())
					&& customer.ownedSince().isAfter(this.clock.now())) {
				errors.add(row + ".ownedSince", "must not be in the future");
			}
			contacts(errors, row + ".contacts", customer.contacts());
		}
		errors.throwIfAny();
		owners(errors, customers, me);
		errors.throwIfAny();
		names(customers);
		phones(customers);
	}

	/** The day a record began: given, and not after now. */
	void since(RowErrors errors, String field, Instant since) {
		if (since == null) {
			errors.add(field, "is required");
		}
		else if (since.isAfter(this.clock.now())) {
			errors.add(field, "must not be in the future");
		}
	}

	/** Contacts by the API's rules, phones as {@link ContactManagement} accepts them. */
	void contacts(RowErrors errors, String prefix, List<ContactForm> contacts) {
		for (int j = 0; contacts != null && j < contacts.size(); j++) {
			String row = prefix + "[" + j + "]";
			ContactForm contact = contacts.get(j);
			if (contact == null) {
				errors.add(row, "is required");
				continue;
			}
			errors.validate(row, contact);
			if (contact.phone() != null && !contact.phone().isBlank() && !PhoneNumbers.isValid(contact.phone())) {
				errors.add(row + ".phone", "is not a valid phone number");
			}
		}
	}

	private void owners(RowErrors errors, List<NewCustomer> customers, long me) {
		Set<Long> named = customers.stream()
			.map(NewCustomer::ownerId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		if (named.stream().anyMatch(id -> id != me)) {
			// as for a customer created with another owner than its creator
			GuardedAction.TRANSFER.require();
		}
		// the rule the import's preview and picker ask (OwnerCandidates), not written
		// twice
		Map<Long, String> refused = this.candidates.refused(named);
		for (int i = 0; i < customers.size(); i++) {
			Long owner = customers.get(i).ownerId();
			if (owner != null && refused.containsKey(owner)) {
				errors.add("customers[" + i + "].ownerId", refused.get(owner));
			}
		}
	}

	/**
	 * The company names the database keeps unique: neither twice in the chunk nor taken
	 * already (personal canaries' made-up names excepted, as the unique index does).
	 */
	private void names(List<NewCustomer> customers) {
		Map<String, Integer> rows = new HashMap<>();
		for (int i = 0; i < customers.size(); i++) {
			CustomerForm form = customers.get(i).customer();
			if (form.kind() == CustomerKind.COMPANY
					&& rows.putIfAbsent(CustomerNames.normalize(form.name().strip()), i) != null) {
				throw taken(i, "the company is named twice in these customers");
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				select normalized_name from customer
				where kind = 'COMPANY' and canary_owner_id is null and normalized_name = any(?::text[])""")
			.param(rows.keySet().toArray(String[]::new))
			.query(String.class)
			.list()
			.stream()
			.map(rows::get)
			.min(Integer::compare)
			.ifPresent(i -> {
				throw taken(i, "a company of this name exists");
			});
	}

	/**
	 * Phones are unique across customers as the duplicate check keeps them: a phone of
	 * the chunk at another customer of the chunk, or at a customer already recorded (a
	 * person customer has no unique name: two stale previews of one file, committed one
	 * after the other, made the same person twice until the insider-attack helper found
	 * it). Locks each number until commit, as the duplicate check does.
	 */
	private void phones(List<NewCustomer> customers) {
		Map<String, Integer> rows = new HashMap<>();
		for (int i = 0; i < customers.size(); i++) {
			for (ContactForm contact : customers.get(i).contacts() == null ? List.<ContactForm>of()
					: customers.get(i).contacts()) {
				Optional<String> phone = PhoneNumbers.normalize(contact.phone());
				if (phone.isPresent()) {
					Integer earlier = rows.putIfAbsent(phone.get(), i);
					if (earlier != null && earlier != i) {
						throw taken(i, "phone", "the phone is at another of these customers");
					}
				}
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.sql("select count(pg_advisory_xact_lock(hashtext(p))) from unnest(?::text[]) p")
			.param(rows.keySet().stream().sorted().toArray(String[]::new))
			.query(Long.class)
			.single();
		// the blind indexes as bytes, compared with = any: the index on the phone
		// index answers it (the hex text decoded in a subquery was planned as a
		// scan of every contact, once per chunk: the more contacts, the slower)
		Map<String, Integer> byIndex = new HashMap<>();
		List<byte[]> indexes = new ArrayList<>(rows.size());
		rows.forEach((phone, row) -> {
			byte[] blind = this.index.phone(phone);
			indexes.add(blind);
			byIndex.put(HexFormat.of().formatHex(blind), row);
		});
		this.jdbc.sql("""
				select c.phone_index from contact c join customer k on k.id = c.customer_id
				where c.phone_index = any(?::bytea[]) and c.archived_at is null and k.canary_owner_id is null""")
			.param(indexes.toArray(byte[][]::new))
			.query((rs, n) -> HexFormat.of().formatHex(rs.getBytes(1)))
			.list()
			.stream()
			.map(byIndex::get)
			.filter(Objects::nonNull)
			.min(Integer::compare)
			.ifPresent(i -> {
				throw taken(i, "phone", "a contact with this phone number exists at another customer");
			});
	}

	private static ConflictException taken(int row, String field, String why) {
		return new ConflictException("duplicate_phone", "customers[" + row + "].contacts: " + why,
				Map.of("row", row, "field", "customers[" + row + "].contacts"));
	}

	private static ConflictException taken(int row, String why) {
		return new ConflictException("duplicate_name", "customers[" + row + "].customer.name: " + why,
				Map.of("row", row, "field", "customers[" + row + "].customer.name"));
	}

}
