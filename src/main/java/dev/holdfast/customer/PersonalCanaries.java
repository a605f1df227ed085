package dev.holdfast.customer;

import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.customer.contact.ContactIndex;

/**
 * Personal canary customers: synthetic customers that only one employee sees, in their
 * own list, search and detail, and that no count, report, care task, duplicate check or
 * other person's view contains. They have no owner ({@code canary_owner_id} instead), so
 * every rule that goes by owner passes them by. The caller (protection) checks who may
 * plant them.
 */
@Service
public class PersonalCanaries {

	private final Customers customers;

	private final Contacts contacts;

	private final Revisions revisions;

	private final ContactIndex index;

	private final ApplicationEventPublisher events;

	PersonalCanaries(Customers customers, Contacts contacts, Revisions revisions, ContactIndex index,
			ApplicationEventPublisher events) {
		this.customers = customers;
		this.contacts = contacts;
		this.revisions = revisions;
		this.index = index;
		this.events = events;
	}

	/**
	 * Creates the canary customer with its contact as if the employee had entered it on
	 * {@code enteredAt} (so it does not sit on top of their list); returns the customer's
	 * id.
	 */
	@Transactional
	public long create(long employeeId, CanaryCustomer canary, Instant enteredAt) {
		Customer customer = Customer.canaryOf(employeeId, employeeId);
		customer.describe(new CustomerData(canary.name(), canary.kind(), canary.level(), canary.industry(), "转介绍",
				canary.region(), canary.address(), null, canary.status()));
		customer.backdate(enteredAt);
		customer = this.customers.saveAndFlush(customer);
		this.revisions.ofCustomer(customer, "CREATED", employeeId);
		Contact contact = new Contact(customer.getId(), employeeId);
		contact.describe(new ContactData(canary.contactName(), canary.title(), canary.phone(), canary.email(),
				canary.wechat(), null, Gender.UNKNOWN, null, null), employeeId, this.index);
		contact = this.contacts.saveAndFlush(contact);
		this.revisions.ofContact(contact, "CREATED", employeeId);
		return customer.getId();
	}

	/** The employee a customer is a personal canary of, if it is one. */
	@Transactional(readOnly = true)
	public Optional<Long> ownerOf(long customerId) {
		return this.customers.findById(customerId).map(Customer::getCanaryOwnerId);
	}

	/** Tells whoever watches when the caller reveals a field of their own canary. */
	public void revealed(long employeeId, long customerId, String field) {
		if (ownerOf(customerId).filter(owner -> owner == employeeId).isPresent()) {
			this.events.publishEvent(new PersonalCanaryRevealed(employeeId, customerId, field));
		}
	}

}
