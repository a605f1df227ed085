package dev.holdfast.customer.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.Customer;
import dev.holdfast.customer.CustomerAccess;
import dev.holdfast.customer.masking.CustomerAddressMasking;
import dev.holdfast.customer.CustomerDetails;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.customer.Customers;
import dev.holdfast.customer.OwnerCandidates;
import dev.holdfast.customer.Owners;
import dev.holdfast.customer.Ownership;
import dev.holdfast.customer.Revisions;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.audit.AuditAction;
import dev.holdfast.organization.EmployeeView;

/**
 * Transfers while employed (在职转移): a customer, or many at once, to a new owner, with the
 * old owner staying on the team or leaving it. Each transfer is recorded in the ownership
 * history and counts against the transfer limit; the customer's own history is never
 * rewritten.
 */
@Service
public class CustomerTransfers {

	private final Customers customers;

	private final CustomerVisibility visibility;

	private final Owners owners;

	private final OwnerCandidates candidates;

	private final Ownership ownership;

	private final Revisions revisions;

	private final AuditTrail audit;

	private final CustomerAddressMasking addresses;

	private final CustomerReads reads;

	private final ApplicationEventPublisher events;

	private final HoldfastClock clock;

	CustomerTransfers(Customers customers, CustomerVisibility visibility, Owners owners, OwnerCandidates candidates,
			Ownership ownership, Revisions revisions, AuditTrail audit, CustomerAddressMasking addresses,
			CustomerReads reads, ApplicationEventPublisher events, HoldfastClock clock) {
		this.candidates = candidates;
		this.events = events;
		this.reads = reads;
		this.addresses = addresses;
		this.customers = customers;
		this.visibility = visibility;
		this.owners = owners;
		this.ownership = ownership;
		this.revisions = revisions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public CustomerDetails transfer(long id, TransferForm form) {
		this.visibility.requireWritable(id);
		GuardedAction.TRANSFER.require();
		requireSensible(form);
		Customer customer = this.customers.findById(id).orElseThrow(() -> new NotFoundException("customer"));
		if (customer.isArchived()) {
			throw new ConflictException("archived", "the customer is archived; restore it first");
		}
		if (Objects.equals(customer.getOwnerId(), form.newOwnerId())) {
			throw new InvalidInputException("newOwnerId", "the employee owns the customer already");
		}
		this.candidates.requireRecipient(form.newOwnerId(), "newOwnerId");
		customer = move(customer, form, CurrentEmployee.id());
		this.events.publishEvent(new CustomersTransferred(form.newOwnerId(), List.of(id), CurrentEmployee.id()));
		return this.addresses.apply(
				customer.toDetails(this.owners.name(customer.shownOwnerId()), this.visibility.accessTo(id).canWrite()));
	}

	/**
	 * Refuses a caller who may not transfer the customer (404 if they may not see it),
	 * before anything is said about a transfer form's input.
	 */
	@Transactional(readOnly = true)
	public void requireTransferable(long id) {
		this.visibility.requireWritable(id);
		GuardedAction.TRANSFER.require();
	}

	/**
	 * Whom the caller may transfer customers to (OwnerCandidates#recipients: themselves,
	 * or an ACTIVE employee who may own customers in their data scope), for the bulk
	 * form's picker; refused to a caller who may not transfer.
	 */
	@Transactional(readOnly = true)
	public List<EmployeeView> candidates() {
		GuardedAction.TRANSFER.require();
		return this.candidates.recipients();
	}

	/** Refuses a caller who may not transfer customers, before any input is looked at. */
	public void requireTransferring() {
		GuardedAction.TRANSFER.require();
	}

	/**
	 * The customer for the transfer form: only for callers who may transfer it. Not a
	 * view of the customer's data, so not audited as one.
	 */
	@Transactional(readOnly = true)
	public CustomerDetails forTransfer(long id) {
		this.visibility.requireWritable(id);
		GuardedAction.TRANSFER.require();
		this.reads.customer(id);
		Customer customer = this.customers.findById(id).orElseThrow(() -> new NotFoundException("customer"));
		return this.addresses.apply(customer.toDetails(this.owners.name(customer.shownOwnerId()), true));
	}

	/**
	 * Transfers all the customers or none: one the caller may not see answers 404, one
	 * they may not change 403, and one over the transfer limit 409.
	 */
	@Transactional
	public BulkTransferResult transfer(BulkTransferForm form) {
		List<Long> ids = List.copyOf(new LinkedHashSet<>(form.customerIds()));
		List<CustomerAccess> accesses = ids.stream().map(this.visibility::accessTo).toList();
		if (accesses.stream().anyMatch(a -> !a.canRead())) {
			throw new NotFoundException("customer");
		}
		if (accesses.stream().anyMatch(a -> !a.canWrite())) {
			throw new ForbiddenException("you may see some of these customers but not change them");
		}
		GuardedAction.TRANSFER.require();
		TransferForm transfer = form.transfer();
		requireSensible(transfer);
		List<Customer> found = this.customers.findAllById(ids);
		requireMovable(found, transfer.newOwnerId());
		this.candidates.requireRecipient(transfer.newOwnerId(), "newOwnerId");
		this.owners.requireUnderTransferLimit(ids);
		long me = CurrentEmployee.id();
		found.forEach(customer -> move(customer, transfer, me));
		this.events.publishEvent(new CustomersTransferred(transfer.newOwnerId(), ids, me));
		return new BulkTransferResult(ids.size(), ids);
	}

	/** What bean validation checks at the API, for callers that come another way. */
	private void requireSensible(TransferForm form) {
		if (form.newOwnerId() == null) {
			throw new InvalidInputException("newOwnerId", "is required");
		}
		if (form.accessExpiresAt() != null && !form.accessExpiresAt().isAfter(this.clock.now())) {
			throw new InvalidInputException("accessExpiresAt", "must be in the future");
		}
		if (form.oldOwnerAccess() == OldOwnerAccess.NONE && form.accessExpiresAt() != null) {
			throw new InvalidInputException("accessExpiresAt", "only with READ or WRITE access");
		}
		if (form.reason() != null && form.reason().length() > 500) {
			throw new InvalidInputException("reason", "must be at most 500 characters");
		}
	}

	private static void requireMovable(List<Customer> found, long newOwnerId) {
		List<Long> archived = new ArrayList<>();
		for (Customer customer : found) {
			if (customer.isArchived()) {
				archived.add(customer.getId());
			}
			else if (Objects.equals(customer.getOwnerId(), newOwnerId)) {
				// named, so that the one ticked by mistake can be unticked
				throw new InvalidInputException("newOwnerId",
						"the employee owns customer #" + customer.getId() + " already");
			}
		}
		if (!archived.isEmpty()) {
			throw new ConflictException("archived", "some of the customers are archived; restore them first",
					Map.of("customerIds", archived));
		}
	}

	private Customer move(Customer customer, TransferForm form, long me) {
		long id = customer.getId();
		Long oldOwner = customer.getOwnerId();
		customer = this.ownership.transfer(customer, form, me);
		this.revisions.ofCustomer(customer, "TRANSFERRED", me);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("from", String.valueOf(oldOwner));
		details.put("to", form.newOwnerId());
		details.put("oldOwnerAccess", form.oldOwnerAccess().name());
		details.put("accessExpiresAt", String.valueOf(form.accessExpiresAt()));
		this.audit.record(AuditAction.CUSTOMER_TRANSFERRED, "customer", id, details);
		return customer;
	}

}
