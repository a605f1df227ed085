package dev.holdfast.customer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Validator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditEntry;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.MovedInRows.ContactRow;
import dev.holdfast.customer.MovedInRows.CustomerRow;
import dev.holdfast.customer.contact.ContactIndex;
import dev.holdfast.customer.masking.PreviewReveals;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.RowErrors;

/**
 * Customers whose history began before Holdfast (moving in; the demo company): recorded
 * as of the day they began, a chunk at a time in the caller's transaction, with one
 * statement per table instead of one save per row. What is written is what
 * {@link CustomerManagement#create} and {@link ContactManagement#create} write (the
 * customer, its first owner history and revision, its contacts encrypted and indexed,
 * their revisions), dated the day each began; the audit events are recorded now and say
 * which day was recorded and where it came from.
 */
@Service
public class MovedInCustomers {

	private static final String CHANGE = "IMPORTED";

	/**
	 * One customer to record, with its contacts, as of {@code since}. ownerId null = the
	 * public pool; the form's own ownerId is not read. {@code ownedSince} (not before
	 * {@code since}, not in the future) is when its owner began to hold it in Holdfast:
	 * the follow-up rhythm and the pool's return rules count from it. An import gives now
	 * (the customer's past is not the owner's debt on day one); the demo its day one.
	 */
	public record NewCustomer(CustomerForm customer, Long ownerId, Instant since, List<ContactForm> contacts,
			Instant ownedSince) {

		/** Held by its owner since its first day. */
		public NewCustomer(CustomerForm customer, Long ownerId, Instant since, List<ContactForm> contacts) {
			this(customer, ownerId, since, contacts, since);
		}

	}

	/**
	 * What became of one NewCustomer: the customer id and its contacts' ids, in order.
	 */
	public record Recorded(long customerId, List<Long> contactIds) {
	}

	private final MovedInChecks checks;

	private final MovedInRows rows;

	private final Ownership ownership;

	private final Revisions revisions;

	private final ContactIndex index;

	private final CustomerVisibility visibility;

	private final Customers customers;

	private final AuditTrail audit;

	private final Validator validator;

	private final ApplicationEventPublisher events;

	private final PreviewReveals reveals;

	MovedInCustomers(MovedInChecks checks, MovedInRows rows, Ownership ownership, Revisions revisions,
			ContactIndex index, CustomerVisibility visibility, Customers customers, AuditTrail audit,
			Validator validator, ApplicationEventPublisher events, PreviewReveals reveals) {
		this.events = events;
		this.reveals = reveals;
		this.checks = checks;
		this.rows = rows;
		this.ownership = ownership;
		this.revisions = revisions;
		this.index = index;
		this.visibility = visibility;
		this.customers = customers;
		this.audit = audit;
		this.validator = validator;
	}

	/**
	 * Records a chunk in the caller's transaction (all or nothing): for each, the
	 * customer (created as of {@code since}), its first owner history (IMPORTED) and
	 * first revision, its contacts (encrypted and indexed as {@link ContactManagement}
	 * does) and one audit event {@code CUSTOMER_IMPORTED}, recorded now and chained in
	 * this transaction ({@link AuditTrail#recordAllChained}). Needs
	 * {@code customer.import} (refused while serving notice); each owner must be an
	 * employee who may own customers and whom the caller's scope covers; {@code since}
	 * not in the future; the forms valid (400 naming the row and field). Duplicates are
	 * not checked here; a company name the database holds already refuses the chunk (409
	 * naming the row).
	 * @param source who records: "import:&lt;id&gt;" or "demo"
	 */
	@Transactional
	public List<Recorded> recordAll(List<NewCustomer> customers, String source) {
		GuardedAction.IMPORT.require();
		long me = CurrentEmployee.id();
		this.checks.require(customers, me);
		List<Long> ids = this.rows.customerIds(customers.size());
		List<CustomerRow> written = new ArrayList<>(customers.size());
		List<Ownership.Began> began = new ArrayList<>(customers.size());
		List<Revisions.First> firsts = new ArrayList<>(customers.size());
		List<List<ContactForm>> contacts = new ArrayList<>(customers.size());
		for (int i = 0; i < customers.size(); i++) {
			NewCustomer row = customers.get(i);
			Instant since = row.since().truncatedTo(ChronoUnit.MICROS);
			Customer customer = new Customer(row.customer().kind(), row.ownerId(), me);
			customer.describe(row.customer().data());
			written.add(new CustomerRow(ids.get(i), customer, since));
			Instant owned = row.ownedSince() == null ? since : row.ownedSince().truncatedTo(ChronoUnit.MICROS);
			began.add(new Ownership.Began(ids.get(i), row.ownerId(), owned.isBefore(since) ? since : owned));
			firsts.add(new Revisions.First(ids.get(i), ids.get(i), customer.snapshot(), since));
			contacts.add(row.contacts() == null ? List.of() : row.contacts());
		}
		if (!customers.isEmpty()) {
			this.rows.insertCustomers(written, me);
			this.ownership.recordBegun(began, me, imported(source));
			this.revisions.ofNewCustomers(firsts, CHANGE, me);
		}
		List<List<Long>> contactIds = writeContacts(ids, contacts, written.stream().map(CustomerRow::since).toList(),
				me);
		List<AuditEntry> events = new ArrayList<>(customers.size());
		List<Recorded> recorded = new ArrayList<>(customers.size());
		for (int i = 0; i < customers.size(); i++) {
			Map<String, Object> facts = facts(source, written.get(i).since(), contactIds.get(i).size());
			facts.put("ownerId", customers.get(i).ownerId());
			events.add(new AuditEntry(AuditAction.CUSTOMER_IMPORTED, "customer", ids.get(i), facts));
			recorded.add(new Recorded(ids.get(i), contactIds.get(i)));
		}
		// chained here, under the chain's end until the chunk commits: sealing them later
		// would update each event again (docs/imports.md, Speed)
		this.audit.recordAllChained(events);
		RecordedHere.ids().addAll(ids);
		List<Long> unowned = new ArrayList<>();
		for (int i = 0; i < customers.size(); i++) {
			if (customers.get(i).ownerId() == null) {
				unowned.add(ids.get(i));
			}
		}
		if (!unowned.isEmpty()) {
			this.events.publishEvent(new CustomersBroughtInUnowned(unowned, me));
		}
		return recorded;
	}

	/**
	 * Refuses work on many customers at once (follow-ups brought in) unless the caller
	 * may change each, or brought it in themselves through {@link #recordAll} under the
	 * same {@code source} (a customer brought into the pool has no owner whose scope
	 * would let the importer write it; a later row of the file adds to it, in the same
	 * transaction or a later chunk's): 404 for one they may not see, 403 for one they
	 * only see.
	 */
	@Transactional(readOnly = true)
	public void requireWritable(Collection<Long> customerIds, String source) {
		Set<Long> refused = notWritable(customerIds, source);
		if (!refused.isEmpty()) {
			this.visibility.requireWritable(refused.iterator().next());
			throw new ForbiddenException("you may see this customer but not change it");
		}
	}

	/**
	 * Of these customers, the ones the caller may not change and did not bring into the
	 * pool themselves under {@code source} (their own import: its later rows add to the
	 * customers its earlier rows created, wherever those went, unless someone has taken
	 * one from the pool since).
	 */
	@Transactional(readOnly = true)
	public Set<Long> notWritable(Collection<Long> customerIds, String source) {
		Set<Long> others = new HashSet<>(customerIds);
		others.removeAll(RecordedHere.ids());
		Set<Long> refused = this.visibility.notWritable(others);
		if (refused.isEmpty()) {
			return refused;
		}
		Set<Long> remaining = new HashSet<>(refused);
		remaining.removeAll(this.rows.broughtIntoPool(refused, CurrentEmployee.id(), imported(source)));
		return remaining;
	}

	/**
	 * Of these customers, those whose contacts' phones the caller does not see in full (a
	 * FULL policy as a team member): an import merges into none of them. A merge leaves
	 * out the row's contacts whose phone the customer has already, so the contacts it
	 * adds would tell a masked number to whoever merges a file of guesses into the
	 * customer (docs/imports.md).
	 */
	@Transactional(readOnly = true)
	public Set<Long> notSeenInFull(Collection<Long> customerIds) {
		Set<Long> masked = new HashSet<>();
		for (long customerId : new HashSet<>(customerIds)) {
			if (this.reveals.masked(customerId)) {
				masked.add(customerId);
			}
		}
		return masked;
	}

	/**
	 * Adds contacts (as of since) to an existing customer the caller may write: a merge.
	 * Needs {@code customer.import}; one audit event {@code CONTACTS_IMPORTED}.
	 */
	@Transactional
	public List<Long> addContacts(long customerId, List<ContactForm> contacts, Instant since, String source) {
		GuardedAction.IMPORT.require();
		requireWritable(List.of(customerId), source);
		Customer customer = this.customers.findById(customerId).orElseThrow(() -> new NotFoundException("customer"));
		if (customer.isArchived()) {
			throw new ConflictException("archived", "the customer is archived; restore it first");
		}
		List<ContactForm> given = contacts == null ? List.of() : contacts;
		RowErrors errors = new RowErrors(this.validator);
		this.checks.since(errors, "since", since);
		this.checks.contacts(errors, "contacts", given);
		errors.throwIfAny();
		Instant at = since.truncatedTo(ChronoUnit.MICROS);
		List<Long> ids = writeContacts(List.of(customerId), List.of(given), List.of(at), CurrentEmployee.id()).get(0);
		this.audit.record(AuditAction.CONTACTS_IMPORTED, "customer", customerId, facts(source, at, ids.size()));
		return ids;
	}

	/**
	 * The contacts of each customer, in one statement per table; their ids per customer.
	 */
	private List<List<Long>> writeContacts(List<Long> customerIds, List<List<ContactForm>> contacts,
			List<Instant> since, long me) {
		List<Long> ids = this.rows.contactIds(contacts.stream().mapToInt(List::size).sum());
		List<ContactRow> written = new ArrayList<>(ids.size());
		List<Revisions.First> firsts = new ArrayList<>(ids.size());
		List<List<Long>> perCustomer = new ArrayList<>(customerIds.size());
		int next = 0;
		for (int i = 0; i < customerIds.size(); i++) {
			List<Long> mine = new ArrayList<>(contacts.get(i).size());
			for (ContactForm form : contacts.get(i)) {
				ContactData data = form.data();
				ContactReach.guard(null, data);
				Contact contact = new Contact(customerIds.get(i), me);
				contact.describe(data, me, this.index);
				long id = ids.get(next++);
				written.add(new ContactRow(id, contact, since.get(i)));
				firsts.add(new Revisions.First(id, customerIds.get(i), contact.snapshot(), since.get(i)));
				mine.add(id);
			}
			perCustomer.add(mine);
		}
		if (!written.isEmpty()) {
			this.rows.insertContacts(written, me);
			this.revisions.ofNewContacts(firsts, CHANGE, me);
		}
		return perCustomer;
	}

	/** The reason of the owner history a customer brought in begins with. */
	private static String imported(String source) {
		return "imported (" + source + ")";
	}

	private static Map<String, Object> facts(String source, Instant since, int contacts) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("source", source);
		facts.put("since", since.toString());
		facts.put("contacts", contacts);
		return facts;
	}

}
