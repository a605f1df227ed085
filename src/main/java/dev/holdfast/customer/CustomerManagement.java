package dev.holdfast.customer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.masking.ContactMasking;
import dev.holdfast.customer.masking.CustomerAddressMasking;
import dev.holdfast.customer.masking.PreviewReveals;
import dev.holdfast.customer.masking.RevealForm.SensitiveField;
import dev.holdfast.customer.duplicate.DuplicateCheck;
import dev.holdfast.organization.OwnerScope;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.GuardedAction;
import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.shared.Permission;
import dev.holdfast.audit.AuditAction;

/**
 * Customers: create, find, read, change, archive, history and restore. Every method goes
 * through {@link CustomerVisibility} and writes its audit event in the same transaction.
 */
@Service
public class CustomerManagement {

	private final Customers customers;

	private final CustomerVisibility visibility;

	private final CustomerSearch search;

	private final DuplicateCheck duplicates;

	private final Revisions revisions;

	private final Owners owners;

	private final OwnerCandidates candidates;

	private final Ownership ownership;

	private final AuditTrail audit;

	private final ContactMasking masking;

	private final CustomerAddressMasking addresses;

	private final CustomerReads reads;

	private final BroughtInOrigins origins;

	private final PreviewReveals hitReveals;

	CustomerManagement(Customers customers, CustomerVisibility visibility, CustomerSearch search,
			DuplicateCheck duplicates, Revisions revisions, Owners owners, AuditTrail audit, ContactMasking masking,
			CustomerAddressMasking addresses, CustomerReads reads, Ownership ownership, BroughtInOrigins origins,
			PreviewReveals hitReveals, OwnerCandidates candidates) {
		this.candidates = candidates;
		this.hitReveals = hitReveals;
		this.origins = origins;
		this.ownership = ownership;
		this.reads = reads;
		this.masking = masking;
		this.addresses = addresses;
		this.customers = customers;
		this.visibility = visibility;
		this.search = search;
		this.duplicates = duplicates;
		this.revisions = revisions;
		this.owners = owners;
		this.audit = audit;
	}

	@Transactional
	public CustomerDetails create(CustomerForm form) {
		GuardedAction.CREATE_CUSTOMER.require();
		long me = CurrentEmployee.id();
		long owner = form.ownerId() == null ? me : form.ownerId();
		if (owner != me) {
			GuardedAction.TRANSFER.require();
		}
		this.candidates.requireRecipient(owner, "ownerId");
		CustomerData data = form.data();
		this.duplicates.companyName(data, null);
		Customer customer = new Customer(data.kind(), owner, me);
		customer.describe(data);
		customer = this.customers.saveAndFlush(customer);
		this.ownership.recordChange(customer.getId(), null, owner, me, OwnerChangeKind.CREATED, "created");
		this.revisions.ofCustomer(customer, "CREATED", me);
		this.audit.record(AuditAction.CUSTOMER_CREATED, "customer", customer.getId(), Map.of("ownerId", owner));
		return this.addresses.apply(customer.toDetails(this.owners.name(owner), true));
	}

	@Transactional
	public CustomerDetails get(long id) {
		CustomerAccess access = this.visibility.requireVisible(id);
		this.reads.customer(id);
		Customer customer = this.customers.findById(id).orElseThrow(() -> new NotFoundException("customer"));
		this.audit.record(AuditAction.CUSTOMER_VIEWED, "customer", id, Map.of());
		return this.addresses.apply(customer.toDetails(this.owners.name(customer.shownOwnerId()), access.canWrite()));
	}

	@Transactional
	public PageResult<CustomerSummary> list(CustomerQuery query, PageRequest page) {
		CustomerSearch.Statement statement = this.search.statement(CurrentEmployee.id(),
				this.visibility.scopeOfCaller(), query, page);
		List<CustomerSummary> rows = page.page() == 0 ? this.search.firstPage(statement) : this.search.page(statement);
		CustomerSearch.Total total = rows.size() < page.size() && page.page() == 0
				? new CustomerSearch.Total(rows.size(), true) : this.search.count(statement);
		total = total.seenOnPage(page.offset(), rows.size(), page.size());
		if (statement.params().get("contactIndex") instanceof byte[] contactIndex) {
			// an exact phone or e-mail search says "this number is that customer's": only
			// of customers the caller sees it of, or pays a reveal for
			Set<Long> answerable = this.hitReveals.answerable(rows.stream().map(CustomerSummary::id).toList(),
					SensitiveField.valueOf((String) statement.params().get("contactField")), contactIndex,
					CurrentEmployee.id());
			if (answerable.size() < rows.size()) {
				rows = rows.stream().filter(r -> answerable.contains(r.id())).toList();
				total = new CustomerSearch.Total(page.offset() + rows.size(), true);
			}
		}
		this.reads.rows(rows.size());
		Set<Long> ownerIds = rows.stream()
			.map(CustomerSummary::ownerId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<Long, String> names = this.owners.names(ownerIds);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("rows", rows.size());
		details.put("total", total.value());
		details.put("totalExact", total.exact());
		details.put("search", query.q() == null || query.q().isBlank() ? "none" : "text");
		this.audit.record(AuditAction.CUSTOMERS_LISTED, "customer", null, details);
		return new PageResult<>(rows.stream().map(r -> r.withOwnerName(names.get(r.ownerId()))).toList(), page.page(),
				page.size(), total.value(), total.exact());
	}

	@Transactional
	public CustomerDetails update(long id, CustomerChanges changes) {
		this.visibility.requireWritable(id);
		Customer customer = this.customers.findById(id).orElseThrow(() -> new NotFoundException("customer"));
		if (customer.isArchived()) {
			throw new ConflictException("archived", "the customer is archived; restore it first");
		}
		if (changes.version() != customer.getVersion()) {
			throw new ConflictException("stale_version", "the customer was changed by someone else; reload it");
		}
		long me = CurrentEmployee.id();
		CustomerData data = this.addresses.keepShownAddress(changes, id, customer.data().address())
			.applyTo(customer.data());
		this.duplicates.companyName(data, id);
		Long oldOwner = customer.getOwnerId();
		if (changes.ownerId() != null && !changes.ownerId().equals(customer.shownOwnerId())) {
			GuardedAction.TRANSFER.require();
			Customer.requireTransferable(customer);
			this.candidates.requireRecipient(changes.ownerId(), "ownerId");
			this.ownership.change(customer, changes.ownerId(), OwnerChangeKind.EDIT, "changed by edit", me);
			this.audit.record(AuditAction.CUSTOMER_TRANSFERRED, "customer", id,
					Map.of("from", String.valueOf(oldOwner), "to", changes.ownerId()));
		}
		customer.describe(data);
		customer.touch(me);
		customer = this.customers.saveAndFlush(customer);
		this.revisions.ofCustomer(customer, "UPDATED", me);
		this.audit.record(AuditAction.CUSTOMER_UPDATED, "customer", id, Map.of("version", customer.getVersion()));
		return this.addresses.apply(customer.toDetails(this.owners.name(customer.shownOwnerId()), true));
	}

	@Transactional
	public CustomerDetails archive(long id) {
		this.visibility.requireWritable(id);
		GuardedAction.ARCHIVE.require();
		Customer customer = this.customers.findById(id).orElseThrow(() -> new NotFoundException("customer"));
		if (customer.isArchived()) {
			throw new ConflictException("archived", "the customer is archived already");
		}
		long me = CurrentEmployee.id();
		customer.archive(me);
		customer.touch(me);
		customer = this.customers.saveAndFlush(customer);
		this.revisions.ofCustomer(customer, "ARCHIVED", me);
		this.audit.record(AuditAction.CUSTOMER_ARCHIVED, "customer", id, Map.of());
		return this.addresses.apply(customer.toDetails(this.owners.name(customer.shownOwnerId()), true));
	}

	/**
	 * The revisions of the customer and its contacts, newest first, to those who may read
	 * its history; before a return to the pool the reader could not see through (see
	 * {@link #ownerChanges}), without who made them or the owner they had.
	 */
	@Transactional
	public List<RevisionView> history(long id) {
		this.visibility.requireVisibleBeyondPool(id);
		this.reads.customer(id);
		FormerOwners former = formerOwners(this.ownership.changesOf(id));
		List<RevisionView> revisions = this.revisions.of(id)
			.stream()
			.map(r -> former.withheld(r.changedAt()) ? new RevisionView(r.id(), r.entity(), r.entityId(), r.version(),
					r.change(), withoutOwner(r.snapshot()), r.changedAt(), former.shown(r.changedBy()), null) : r)
			.toList();
		Map<Long, String> names = this.owners.names(
				revisions.stream().map(RevisionView::changedBy).filter(Objects::nonNull).collect(Collectors.toSet()));
		this.audit.record(AuditAction.CUSTOMER_HISTORY_VIEWED, "customer", id, Map.of("rows", revisions.size()));
		Map<SensitiveField, FieldPolicy> policies = this.masking.policiesFor(id);
		return revisions.stream()
			.map(r -> new RevisionView(r.id(), r.entity(), r.entityId(), r.version(), r.change(),
					this.masking.snapshot(r.snapshot(), policies), r.changedAt(), r.changedBy(),
					r.changedBy() == null ? null : names.get(r.changedBy())))
			.toList();
	}

	private static Map<String, Object> withoutOwner(Map<String, Object> snapshot) {
		Map<String, Object> kept = new LinkedHashMap<>(snapshot);
		kept.remove("ownerId");
		return kept;
	}

	/**
	 * The changes of the customer's owner (a handover, rotation, transfer, return to the
	 * pool or claim from it, ...), newest first, to those who may read its history: who,
	 * when, from whom to whom and why. The pool names no previous owner to someone who
	 * may not see them (docs/work-rules.md): a reader who could not see the customer
	 * before it went to the pool, that is neither its previous owner, nor who returned
	 * it, nor someone whose data scope covers the previous owner (the rep of another
	 * region who claimed it, that rep's manager), reads that return and every change
	 * before it without owners, reason, or who made it (unless their scope covers that
	 * person).
	 */
	@Transactional(readOnly = true)
	public List<OwnerChangeView> ownerChanges(long id) {
		this.visibility.requireVisibleBeyondPool(id);
		List<OwnerChangeView> all = this.ownership.changesOf(id);
		FormerOwners former = formerOwners(all);
		List<OwnerChangeView> changes = all.stream()
			.map(c -> former.withheld(c.changedAt()) ? c.withheld(former.shown(c.changedBy())) : c)
			.toList();
		Map<Long, String> names = this.owners.names(changes.stream()
			.flatMap(c -> Stream.of(c.oldOwnerId(), c.newOwnerId(), c.changedBy()))
			.filter(Objects::nonNull)
			.collect(Collectors.toSet()));
		return changes.stream().map(c -> c.named(names)).toList();
	}

	/**
	 * Until when (inclusive) the caller may not read who had the customer: the latest
	 * return to the pool of an owner they could not see; null when there is none.
	 */
	private record FormerOwners(Instant until, long me, OwnerScope scope) {

		boolean withheld(Instant at) {
			return this.until != null && !at.isAfter(this.until);
		}

		/** The employee, when the caller may read their name here; else null. */
		Long shown(Long employeeId) {
			return employeeId != null && (employeeId == this.me || this.scope.covers(employeeId)) ? employeeId : null;
		}

	}

	private FormerOwners formerOwners(List<OwnerChangeView> newestFirst) {
		long me = CurrentEmployee.id();
		OwnerScope scope = this.visibility.scopeOfCaller();
		Instant until = newestFirst.stream()
			.filter(c -> c.kind() == OwnerChangeKind.POOL_RETURN && c.oldOwnerId() != null && c.oldOwnerId() != me
					&& !Objects.equals(c.changedBy(), me) && !scope.covers(c.oldOwnerId()))
			.findFirst()
			.map(OwnerChangeView::changedAt)
			.orElse(null);
		return new FormerOwners(until, me, scope);
	}

	/**
	 * Where a customer brought in from before Holdfast came from (when its record began,
	 * when and by whom it was brought in, the owner it was given), to those who may read
	 * its history (not through the public pool: 404); empty for one created in Holdfast.
	 * The import is linked only for whom may open it: its importer, holding
	 * {@code customer.import}. Brought in before a return to the pool the caller may not
	 * see behind ({@link #ownerChanges}), it names no owner, and its importer only when
	 * the caller's scope covers them.
	 */
	@Transactional(readOnly = true)
	public Optional<BroughtIn> broughtIn(long id) {
		this.visibility.requireVisibleBeyondPool(id);
		return this.origins.of(id).map(origin -> {
			FormerOwners former = formerOwners(this.ownership.changesOf(id));
			boolean withheld = former.withheld(origin.broughtInAt());
			Long by = withheld ? former.shown(origin.broughtInBy()) : Long.valueOf(origin.broughtInBy());
			Long owner = withheld ? null : origin.ownerId();
			boolean importShown = origin.importId() != null && by != null && by == CurrentEmployee.id()
					&& Permission.CUSTOMER_IMPORT.isHeld() && GuardedAction.IMPORT.allowed();
			return new BroughtIn(origin.began(), origin.broughtInAt(), by, by == null ? null : this.owners.name(by),
					origin.importId(), importShown, owner, owner == null ? null : this.owners.name(owner), withheld);
		});
	}

	/**
	 * Puts a customer back to the state of an earlier revision; the restore is itself a
	 * new revision.
	 */
	@Transactional
	public CustomerDetails restore(long id, long revisionId) {
		this.visibility.requireVisible(id);
		GuardedAction.RESTORE.require();
		RevisionView revision = this.revisions.find(id, "customer", revisionId)
			.orElseThrow(() -> new NotFoundException("revision"));
		Customer customer = this.customers.findById(id).orElseThrow(() -> new NotFoundException("customer"));
		long me = CurrentEmployee.id();
		CustomerData data = CustomerData.fromSnapshot(revision.snapshot());
		this.duplicates.companyName(data, id);
		Long restoredOwner = revision.snapshot().get("ownerId") == null ? null
				: ((Number) revision.snapshot().get("ownerId")).longValue();
		if (!Objects.equals(restoredOwner, customer.getOwnerId())) {
			if (restoredOwner != null) {
				// the revision's owner must still be one who may own customers, as for a
				// transfer
				this.owners.requireOwner(restoredOwner, "ownerId");
			}
			this.ownership.change(customer, restoredOwner, OwnerChangeKind.RESTORE, "restored revision " + revisionId,
					me);
		}
		customer.describe(data);
		if (Boolean.TRUE.equals(revision.snapshot().get("archived"))) {
			customer.archive(me);
		}
		else {
			customer.unarchive();
		}
		customer.touch(me);
		customer = this.customers.saveAndFlush(customer);
		this.revisions.ofCustomer(customer, "RESTORED", me);
		this.audit.record(AuditAction.CUSTOMER_RESTORED, "customer", id, Map.of("revisionId", revisionId));
		return this.addresses.apply(customer.toDetails(this.owners.name(customer.shownOwnerId()), true));
	}

}
