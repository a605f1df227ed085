package dev.holdfast.customer.masking;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.Contact;
import dev.holdfast.customer.ContactView;
import dev.holdfast.customer.Contacts;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.customer.FieldPolicy;
import dev.holdfast.customer.PersonalCanaries;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.audit.AuditAction;

/**
 * Revealing one sensitive field of a contact: an audited action, refused to whoever may
 * not see the customer (404), does not hold {@code contact.reveal} (403; an employee
 * serving notice never does), has the field HIDDEN by their roles' policy (403), or has
 * used up today's quota (429).
 */
@Service
public class ContactReveal {

	private final Contacts contacts;

	private final CustomerVisibility visibility;

	private final FieldPolicies policies;

	private final RevealQuota quota;

	private final AuditTrail audit;

	private final PersonalCanaries canaries;

	ContactReveal(Contacts contacts, CustomerVisibility visibility, FieldPolicies policies, RevealQuota quota,
			AuditTrail audit, PersonalCanaries canaries) {
		this.canaries = canaries;
		this.contacts = contacts;
		this.visibility = visibility;
		this.policies = policies;
		this.quota = quota;
		this.audit = audit;
	}

	@Transactional
	public Revealed reveal(long contactId, RevealForm form) {
		Contact contact = this.contacts.findById(contactId).orElseThrow(() -> new NotFoundException("contact"));
		this.visibility.requireVisibleBeyondPool(contact.getCustomerId());
		GuardedAction.REVEAL.require();
		if (this.policies.forCustomer(contact.getCustomerId()).get(form.field()) == FieldPolicy.HIDDEN) {
			throw new ForbiddenException("your roles do not show this field");
		}
		int remaining = this.quota.take(CurrentEmployee.id(), contactId, form.field());
		ContactView view = contact.toView();
		String value = switch (form.field()) {
			case phone -> view.phone();
			case email -> view.email();
			case wechat -> view.wechat();
			case address -> view.address();
		};
		this.audit.record(AuditAction.CONTACT_REVEALED, "contact", contactId,
				Map.of("customerId", contact.getCustomerId(), "field", form.field().name(), "reasonLength",
						form.reason() == null ? 0 : form.reason().length()));
		this.canaries.revealed(CurrentEmployee.id(), contact.getCustomerId(), form.field().name());
		return new Revealed(value, remaining);
	}

	/** How many reveals the caller has left today. */
	@Transactional(readOnly = true)
	public int remaining() {
		return this.quota.remaining(CurrentEmployee.id());
	}

}
