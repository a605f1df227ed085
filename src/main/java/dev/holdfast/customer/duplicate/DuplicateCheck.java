package dev.holdfast.customer.duplicate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.holdfast.customer.Customer;
import dev.holdfast.customer.CustomerData;
import dev.holdfast.customer.CustomerKind;
import dev.holdfast.customer.CustomerNames;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.customer.Customers;
import dev.holdfast.customer.DuplicateProbe;
import dev.holdfast.customer.contact.ContactIndex;
import dev.holdfast.customer.masking.PreviewReveals;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.EmployeePrincipal;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.PhoneNumbers;

/**
 * 查重: refuses a company whose normalised name exists, or a contact phone that belongs to
 * another customer. The answer names the existing customer only if the caller may see it:
 * it never reveals who owns an invisible duplicate.
 * <p>
 * A duplicate check on a phone number or e-mail address is an oracle: whoever can write a
 * value and read the answer learns whether the value exists anywhere in the company,
 * including at customers they may not see, and a masked number ({@code 138****5678})
 * leaves only ten thousand candidates. So:
 * <ul>
 * <li>The answer for a duplicate at a customer the caller may not see is one fixed body
 * ({@code duplicate}, a fixed message, {@code visible: false}): no id, no owner, no
 * masked value, no pool flag, nothing naming the contact or field it matched, nothing
 * that varies with the stored data. What is left is a single bit, "exists" or not, and
 * that bit is what the check is for; nothing in the answer tells a candidate number apart
 * from a near miss that fits the same masked pattern except that bit itself.</li>
 * <li>The bit is rationed: every check of a phone or e-mail goes through
 * {@link DuplicateBudget} here, inside the check, so that no path (create, update,
 * restore, any later import) can forget it. An employee gets at most
 * {@code refusals-per-day} "exists" answers and {@code checks-per-day} answers of either
 * kind per day; past that every such write answers 429 before the value is looked up, so
 * the 429 itself says nothing about it. Probing one masked number takes thousands of
 * answers: weeks of budget, not seconds.</li>
 * <li>Every refusal is audited (ids and facts, never the value) and is a risk indicator;
 * so is every change of a phone or e-mail, weighted by the customer's level. An employee
 * serving notice may not set or change a contact's phone or e-mail at all
 * ({@link dev.holdfast.shared.GuardedAction#CHANGE_CONTACT_PHONE_OR_EMAIL}).</li>
 * </ul>
 */
@Component
public class DuplicateCheck {

	static final String HIDDEN_DUPLICATE = "this value belongs to another customer";

	private final Customers customers;

	private final JdbcClient jdbc;

	private final CustomerVisibility visibility;

	private final ContactIndex index;

	private final DuplicateBudget budget;

	private final PreviewReveals reveals;

	DuplicateCheck(Customers customers, JdbcClient jdbc, CustomerVisibility visibility, ContactIndex index,
			DuplicateBudget budget, PreviewReveals reveals) {
		this.reveals = reveals;
		this.index = index;
		this.customers = customers;
		this.jdbc = jdbc;
		this.visibility = visibility;
		this.budget = budget;
	}

	/**
	 * A company name that no other company has. Found by the attacker after the first
	 * fix: the name is an oracle too ("is this company our customer?", enough to check a
	 * competitor's list against ours), so it takes from the same budget as phone numbers.
	 * A company in the public pool is said to be there, never whose it was.
	 */
	public void companyName(CustomerData data, Long exceptCustomerId) {
		if (data.kind() != CustomerKind.COMPANY) {
			return;
		}
		this.budget.requireRoom(exceptCustomerId, "name");
		this.customers
			.findFirstByNormalizedNameAndKindAndCanaryOwnerIdIsNull(CustomerNames.normalize(data.name()),
					CustomerKind.COMPANY)
			.filter(existing -> !existing.getId().equals(exceptCustomerId))
			.ifPresent(existing -> {
				boolean visible = this.visibility.accessTo(existing.getId()).canRead();
				this.budget.refused(exceptCustomerId, "name", existing.getId(), visible);
				throw visible ? visibleDuplicate(existing.getId(), "a company with this name exists")
						: hiddenCompany(existing.getId());
			});
	}

	/**
	 * A phone number for a contact of the customer: within the caller's budget, and at no
	 * other customer. Locks the number until commit, so two requests can't both add it.
	 */
	public void phone(String phone, long customerId) {
		Optional<String> normalized = PhoneNumbers.normalize(phone);
		if (normalized.isEmpty()) {
			return;
		}
		this.budget.requireRoom(customerId, "phone");
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(normalized.get()).query(Object.class).single();
		holderOfPhone(normalized.get(), customerId).ifPresent(existing -> {
			boolean visible = this.visibility.accessTo(existing).canRead();
			this.budget.refused(customerId, "phone", existing, visible);
			throw visible ? visibleDuplicate(existing, "a contact with this phone number exists at another customer")
					: hiddenDuplicate();
		});
	}

	/**
	 * The checks of a preview (an import's), many in one transaction: answers instead of
	 * exceptions, each refusal counted and audited all the same, the budget looked up
	 * once.
	 */
	public DuplicateProbe.Batch probes() {
		return probes((Long) null);
	}

	/**
	 * {@link #probes()} for the preview of one import: its refusals and the budget's are
	 * audited with the import's id ({@code importId}).
	 */
	public DuplicateProbe.Batch probes(Long importId) {
		return probes(importId, null);
	}

	/**
	 * {@link #probes(Long)} for an import with an approved allowance: the values it looks
	 * up are taken from that allowance, not from the caller's day (null: from the day).
	 */
	public DuplicateProbe.Batch probes(DuplicateProbe.Allowance allowance) {
		return probes(allowance.importId(), allowance);
	}

	private DuplicateProbe.Batch probes(Long importId, DuplicateProbe.Allowance allowance) {
		boolean allowed = allowance != null;
		DuplicateBudget.Room room = this.budget.room(allowance);
		return new DuplicateProbe.Batch() {

			private boolean usedUp;

			/** The caller's reveals left, read at the first phone (null: not yet). */
			private PreviewReveals.Room revealRoom;

			private boolean revealsUsedUp;

			private final Map<String, Optional<Long>> names = new HashMap<>();

			private final Map<String, Optional<Long>> phones = new HashMap<>();

			/** Whether the caller sees each customer's contacts in full, as asked. */
			private final Map<Long, Boolean> seenInFull = new HashMap<>();

			@Override
			public void prefetch(Collection<String> names, Collection<String> phones) {
				prefetch(names, () -> phones);
			}

			@Override
			public void prefetch(Collection<String> names, Supplier<? extends Collection<String>> chosen) {
				this.names.clear();
				this.phones.clear();
				List<String> keys = names.stream().map(CustomerNames::normalize).distinct().toList();
				Map<String, Long> companies = companiesNamed(keys);
				keys.forEach(key -> this.names.put(key, Optional.ofNullable(companies.get(key))));
				Collection<String> phones = chosen.get();
				if (room != null) {
					DuplicateCheck.this.budget.checking(names.size() + phones.size(), importId, allowed);
				}
				Map<String, Long> holders = holdersOfPhones(phones);
				phones.forEach(p -> this.phones.put(p, Optional.ofNullable(holders.get(p))));
			}

			@Override
			public boolean seenInFull(long customerId) {
				return this.seenInFull.computeIfAbsent(customerId,
						id -> DuplicateCheck.this.visibility.accessTo(id).canRead()
								&& !DuplicateCheck.this.reveals.masked(id));
			}

			@Override
			public Prefetched prefetched(String name) {
				Optional<Long> found = this.names.get(CustomerNames.normalize(name));
				if (found == null || found.isEmpty()) {
					return new Prefetched(false, null);
				}
				return new Prefetched(true, seenInFull(found.get()) ? found.get() : null);
			}

			@Override
			public Set<String> heldBy(long customerId, Collection<String> phones) {
				if (phones.isEmpty() || !seenInFull(customerId)) {
					return Set.of();
				}
				Map<String, String> byIndex = new HashMap<>();
				List<byte[]> indexes = new ArrayList<>(phones.size());
				for (String phone : phones) {
					byte[] blind = DuplicateCheck.this.index.phone(phone);
					indexes.add(blind);
					byIndex.put(HexFormat.of().formatHex(blind), phone);
				}
				Set<String> held = new HashSet<>();
				DuplicateCheck.this.jdbc.sql("""
						select distinct phone_index from contact
						where customer_id = ? and phone_index = any(?::bytea[]) and archived_at is null""")
					.params(customerId, indexes.toArray(byte[][]::new))
					.query((rs, n) -> held.add(byIndex.get(HexFormat.of().formatHex(rs.getBytes(1)))))
					.list();
				return held;
			}

			@Override
			public DuplicateProbe.Probe companyName(String name) {
				String normalized = CustomerNames.normalize(name);
				return probe(room, "name", () -> this.names.containsKey(normalized) ? this.names.get(normalized)
						: DuplicateCheck.this.customers
							.findFirstByNormalizedNameAndKindAndCanaryOwnerIdIsNull(normalized, CustomerKind.COMPANY)
							.map(Customer::getId));
			}

			@Override
			public DuplicateProbe.Probe phone(String phone) {
				Optional<String> normalized = PhoneNumbers.normalize(phone);
				if (normalized.isEmpty()) {
					return new DuplicateProbe.Probe(false, null, false);
				}
				if (room != null && !room.left()) {
					return probe(room, "phone", Optional::empty);
				}
				PreviewReveals.Room reveals = revealRoom();
				if (reveals != null && !reveals.left()) {
					// nothing answered, found or not: "not found" would give the found
					// one away
					if (!this.revealsUsedUp) {
						this.revealsUsedUp = true;
						DuplicateCheck.this.budget.revealQuotaUsedUp(importId);
					}
					return new DuplicateProbe.Probe(false, null, false, true);
				}
				return probe(
						room, "phone", () -> this.phones.containsKey(normalized.get())
								? this.phones.get(normalized.get()) : holderOfPhone(normalized.get(), 0),
						normalized.get());
			}

			private PreviewReveals.Room revealRoom() {
				if (this.revealRoom == null) {
					EmployeePrincipal caller = CurrentEmployee.find().orElse(null);
					if (caller == null || caller.seeding()) {
						return null;
					}
					this.revealRoom = DuplicateCheck.this.reveals.room(caller.employeeId());
				}
				return this.revealRoom;
			}

			private DuplicateProbe.Probe probe(DuplicateBudget.Room room, String field,
					Supplier<Optional<Long>> lookup) {
				return probe(room, field, lookup, null);
			}

			/**
			 * {@code phone}: the E.164 number of a phone's check, null for a name's. A
			 * phone found at a customer the caller sees only masked is a reveal, taken
			 * from their quota ({@link PreviewReveals}) and then, like a readable name,
			 * free of the duplicate budget's refusals (not counted twice).
			 */
			private DuplicateProbe.Probe probe(DuplicateBudget.Room room, String field, Supplier<Optional<Long>> lookup,
					String phone) {
				if (room != null && !room.left()) {
					if (!this.usedUp) {
						this.usedUp = true;
						DuplicateCheck.this.budget.usedUp(field, importId, allowed);
					}
					return new DuplicateProbe.Probe(false, null, true);
				}
				Optional<Long> existing = lookup.get();
				if (room != null) {
					room.answered();
				}
				if (existing.isEmpty()) {
					return new DuplicateProbe.Probe(false, null, false);
				}
				boolean visible = DuplicateCheck.this.visibility.accessTo(existing.get()).canRead();
				// a name they may read, or a phone they see in full or now paid for as a
				// reveal
				boolean readable = visible && ("name".equals(field) || phone != null);
				if (visible && phone != null && this.revealRoom != null
						&& DuplicateCheck.this.reveals.masked(existing.get())) {
					this.revealRoom.take(existing.get(), DuplicateCheck.this.index.phone(phone), importId);
				}
				DuplicateCheck.this.budget.refused(null, field, existing.get(), visible, readable, importId, allowed);
				if (room != null) {
					room.refused(readable);
				}
				return new DuplicateProbe.Probe(true, visible ? existing.get() : null, false);
			}

		};
	}

	/** A single check of a company name, as {@link #probes()} answers it. */
	public DuplicateProbe.Probe probeCompanyName(String name) {
		DuplicateProbe.Batch probes = probes();
		probes.prefetch(List.of(name), List.of());
		return probes.companyName(name);
	}

	/** A single check of a phone, as {@link #probes()} answers it. */
	public DuplicateProbe.Probe probePhone(String phone) {
		DuplicateProbe.Batch probes = probes();
		PhoneNumbers.normalize(phone).ifPresent(e164 -> probes.prefetch(List.of(), List.of(e164)));
		return probes.phone(phone);
	}

	/** The company of each normalised name, where one has it (canaries left out). */
	private Map<String, Long> companiesNamed(Collection<String> normalizedNames) {
		Map<String, Long> found = new HashMap<>();
		if (!normalizedNames.isEmpty()) {
			this.jdbc.sql("""
					select normalized_name, min(id) as id from customer
					where kind = 'COMPANY' and canary_owner_id is null and normalized_name = any(?::text[])
					group by normalized_name""")
				.param(normalizedNames.toArray(String[]::new))
				.query((rs, n) -> found.put(rs.getString(1), rs.getLong(2)))
				.list();
		}
		return found;
	}

	/**
	 * A customer holding each phone (E.164), where one does, as {@link #phone} finds it.
	 */
	private Map<String, Long> holdersOfPhones(Collection<String> phones) {
		Map<String, String> byIndex = new HashMap<>();
		phones.forEach(p -> byIndex.put(HexFormat.of().formatHex(this.index.phone(p)), p));
		Map<String, Long> found = new HashMap<>();
		if (!byIndex.isEmpty()) {
			this.jdbc.sql("""
					select encode(phone_index, 'hex'), min(customer_id) from contact
					where phone_index = any(select decode(x, 'hex') from unnest(?::text[]) x) and archived_at is null
					  and customer_id not in (select k.id from customer k where k.canary_owner_id is not null)
					group by phone_index""")
				.param(byIndex.keySet().toArray(String[]::new))
				.query((rs, n) -> found.put(byIndex.get(rs.getString(1)), rs.getLong(2)))
				.list();
		}
		return found;
	}

	private Optional<Long> holderOfPhone(String normalized, long exceptCustomerId) {
		return this.jdbc.sql("""
				select customer_id from contact
				where phone_index = ? and customer_id <> ? and archived_at is null
				  and customer_id not in (select k.id from customer k where k.canary_owner_id is not null)
				limit 1""").params(this.index.phone(normalized), exceptCustomerId).query(Long.class).optional();
	}

	/**
	 * The one answer for a duplicate contact value at a customer the caller may not see.
	 */
	static ConflictException hiddenDuplicate() {
		return new ConflictException("duplicate", HIDDEN_DUPLICATE, Map.of("visible", false));
	}

	private ConflictException hiddenCompany(long existingCustomerId) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("visible", false);
		if (inPool(existingCustomerId)) {
			details.put("inPool", true);
		}
		return new ConflictException("duplicate", "a company with this name exists", details);
	}

	private ConflictException visibleDuplicate(long existingCustomerId, String message) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("visible", true);
		details.put("existingId", existingCustomerId);
		if (inPool(existingCustomerId)) {
			details.put("inPool", true);
		}
		return new ConflictException("duplicate", message, details);
	}

	private boolean inPool(long customerId) {
		return this.jdbc.sql("select owner_id is null from customer where id = ?")
			.param(customerId)
			.query(Boolean.class)
			.single();
	}

}
