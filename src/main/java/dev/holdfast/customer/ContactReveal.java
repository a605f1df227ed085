package dev.holdfast.customer;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;

/**
 * Revealing one sensitive field of a contact: an audited action, refused to whoever may
 * not see the customer (404) or does not hold {@code contact.reveal} (403; an employee
 * serving notice never does). Masking in every view and a daily quota come with the
 * leak-protection work.
 */
@Service
class ContactReveal {

	private final Contacts contacts;

	private final CustomerVisibility visibility;

	private final AuditTrail audit;

	ContactReveal(Contacts contacts, CustomerVisibility visibility, AuditTrail audit) {
		this.contacts = contacts;
		this.visibility = visibility;
		this.audit = audit;
	}

	@Transactional
	public String reveal(long contactId, RevealForm form) {
		Contact contact = this.contacts.findById(contactId).orElseThrow(() -> new NotFoundException("contact"));
		this.visibility.requireVisible(contact.getCustomerId());
		Permission.CONTACT_REVEAL.require();
		ContactView view = contact.toView();
		String value = switch (form.field()) {
			case phone -> view.phone();
			case email -> view.email();
			case wechat -> view.wechat();
		};
		this.audit.record("CONTACT_REVEALED", "contact", contactId, Map.of("customerId", contact.getCustomerId(),
				"field", form.field().name(), "reasonLength", form.reason() == null ? 0 : form.reason().length()));
		return value;
	}

}
