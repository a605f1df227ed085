package dev.holdfast.customer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.contact.ContactIndex;
import dev.holdfast.customer.duplicate.DuplicateCheck;
import dev.holdfast.customer.masking.ContactMasking;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.PhoneNumbers;
import dev.holdfast.audit.AuditAction;

/**
 * Contacts of customers. A contact is visible and changeable exactly when its customer
 * is. Setting or changing a phone or e-mail is a guarded action (refused during notice),
 * goes through the duplicate check with its budget, and is recorded as a fact (which
 * fields, the customer's level) that the risk indicators weigh; the old value stays in
 * the history, encrypted.
 */
@Service
public class ContactManagement {

	private final Contacts contacts;

	private final Customers customers;

	private final CustomerVisibility visibility;

	private final DuplicateCheck duplicates;

	private final Revisions revisions;

	private final AuditTrail audit;

	private final ContactIndex index;

	private final ContactMasking masking;

	private final CustomerReads reads;

	private final JdbcClient jdbc;

	ContactManagement(Contacts contacts, Customers customers, CustomerVisibility visibility, DuplicateCheck duplicates,
			Revisions revisions, AuditTrail audit, ContactIndex index, ContactMasking masking, CustomerReads reads,
			JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.reads = reads;
		this.index = index;
		this.masking = masking;
		this.contacts = contacts;
		this.customers = customers;
		this.visibility = visibility;
		this.duplicates = duplicates;
		this.revisions = revisions;
		this.audit = audit;
	}

	@Transactional
	public ContactView create(long customerId, ContactForm form) {
		this.visibility.requireWritable(customerId);
		Customer customer = requireNotArchived(customerId);
		ContactData data = form.data();
		List<String> changed = ContactReach.changed(null, data);
		ContactReach.guard(null, data);
		checkPhone(data.phone(), customerId, null);
		long me = CurrentEmployee.id();
		Contact contact = new Contact(customerId, me);
		contact.describe(data, me, this.index);
		contact = this.contacts.saveAndFlush(contact);
		this.revisions.ofContact(contact, "CREATED", me);
		this.audit.record(AuditAction.CONTACT_CREATED, "contact", contact.getId(),
				ContactReach.facts(customer, changed));
		return this.masking.apply(contact.toView());
	}

	@Transactional
	public List<ContactView> of(long customerId) {
		this.visibility.requireVisible(customerId);
		this.reads.customer(customerId);
		List<ContactView> contacts = this.contacts.findByCustomerIdOrderByIdAsc(customerId)
			.stream()
			.map(Contact::toView)
			.toList();
		this.audit.record(AuditAction.CONTACTS_VIEWED, "customer", customerId, Map.of("rows", contacts.size()));
		return this.masking.apply(customerId, contacts);
	}

	@Transactional
	public ContactView update(long contactId, ContactChanges changes) {
		Contact contact = this.contacts.findById(contactId).orElseThrow(() -> new NotFoundException("contact"));
		this.visibility.requireWritable(contact.getCustomerId());
		Customer customer = requireNotArchived(contact.getCustomerId());
		if (changes.version() != contact.getVersion()) {
			throw new ConflictException("stale_version", "the contact was changed by someone else; reload it");
		}
		ContactChanges sent = this.masking.keepShownValues(changes, contact.toView());
		ContactData data = sent.applyTo(contact.data());
		List<String> changed = ContactReach.changed(contact.data(), data);
		ContactReach.guard(contact.data(), data);
		if (changed.contains("phone")) {
			checkPhone(data.phone(), contact.getCustomerId(), contactId);
		}
		long me = CurrentEmployee.id();
		contact.describe(data, me, this.index);
		contact = this.contacts.saveAndFlush(contact);
		this.revisions.ofContact(contact, "UPDATED", me);
		this.audit.record(AuditAction.CONTACT_UPDATED, "contact", contactId, ContactReach.facts(customer, changed));
		return this.masking.apply(contact.toView());
	}

	/** Puts a contact back to an earlier revision (administrators). */
	@Transactional
	public ContactView restore(long customerId, long revisionId) {
		this.visibility.requireVisible(customerId);
		GuardedAction.RESTORE.require();
		RevisionView revision = this.revisions.find(customerId, "contact", revisionId)
			.orElseThrow(() -> new NotFoundException("revision"));
		Contact contact = this.contacts.findById(revision.entityId())
			.orElseThrow(() -> new NotFoundException("contact"));
		ContactData data = ContactData.fromSnapshot(revision.snapshot());
		List<String> changed = ContactReach.changed(contact.data(), data);
		if (changed.contains("phone")) {
			checkPhone(data.phone(), customerId, contact.getId());
		}
		long me = CurrentEmployee.id();
		contact.describe(data, me, this.index);
		contact = this.contacts.saveAndFlush(contact);
		this.revisions.ofContact(contact, "RESTORED", me);
		Map<String, Object> facts = ContactReach
			.facts(this.customers.findById(customerId).orElseThrow(() -> new NotFoundException("customer")), changed);
		facts.put("revisionId", revisionId);
		this.audit.record(AuditAction.CONTACT_RESTORED, "contact", contact.getId(), facts);
		return this.masking.apply(contact.toView());
	}

	/**
	 * Names of a customer's contacts, for choosing one in a form or showing who a
	 * follow-up was with. Carries no contact details, so reading it is not audited as a
	 * view of contact data.
	 */
	@Transactional(readOnly = true)
	public List<ContactName> names(long customerId) {
		this.visibility.requireVisible(customerId);
		this.reads.customer(customerId);
		return this.contacts.findByCustomerIdOrderByIdAsc(customerId)
			.stream()
			.map(c -> new ContactName(c.getId(), c.data().name(), c.data().title()))
			.toList();
	}

	/**
	 * Whether the contact exists and belongs to the customer (for forms that name a
	 * contact).
	 */
	@Transactional(readOnly = true)
	public boolean belongsTo(long contactId, long customerId) {
		return this.contacts.findById(contactId).map(c -> c.getCustomerId() == customerId).orElse(false);
	}

	/**
	 * The customer of each contact, for forms of many rows that name contacts; unknown
	 * ids are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> customersOf(Collection<Long> contactIds) {
		Map<Long, Long> customers = new HashMap<>();
		if (!contactIds.isEmpty()) {
			// ids only: loading the entities would decrypt every contact's phone
			this.jdbc.sql("select id, customer_id from contact where id = any(?::bigint[])")
				.param(contactIds.toArray(Long[]::new))
				.query(rs -> {
					customers.put(rs.getLong(1), rs.getLong(2));
				});
		}
		return customers;
	}

	/**
	 * A valid phone, held by no other customer (the duplicate check) and by no other
	 * contact of this one: the same number twice on one customer is one person entered
	 * twice.
	 */
	private void checkPhone(String phone, long customerId, Long contactId) {
		if (phone == null) {
			return;
		}
		if (!PhoneNumbers.isValid(phone)) {
			throw new InvalidInputException("phone", "is not a valid phone number");
		}
		this.duplicates.phone(phone, customerId);
		boolean held = this.jdbc.sql("""
				select exists (select 1 from contact
				               where customer_id = ? and phone_index = ? and id <> ? and archived_at is null)""")
			.params(customerId, this.index.phone(phone), contactId == null ? 0L : contactId)
			.query(Boolean.class)
			.single();
		if (held) {
			throw new ConflictException("duplicate", "the customer already has a contact with this phone number",
					Map.of("visible", true, "sameCustomer", true));
		}
	}

	private Customer requireNotArchived(long customerId) {
		Customer customer = this.customers.findById(customerId).orElseThrow(() -> new NotFoundException("customer"));
		if (customer.isArchived()) {
			throw new ConflictException("archived", "the customer is archived; restore it first");
		}
		return customer;
	}

}
