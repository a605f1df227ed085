package dev.holdfast.offboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditTrail;
import dev.holdfast.customer.CustomerVisibility;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.CustomerReads;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.PageRequest;
import dev.holdfast.shared.PageResult;
import dev.holdfast.audit.AuditAction;

/**
 * Offboarding cases as managers, HR and the leaver see and shape them: the case, its plan
 * and its notes. {@link Resignations} opens a case, {@link Handovers} carries it out,
 * {@link Terminations} ends it early. Every step is checked against {@link CaseAccess}
 * and recorded in the audit trail.
 */
@Service
public class Offboarding {

	private final Cases cases;

	private final PlanRows rows;

	private final HandoverNotes notes;

	private final CaseAccess access;

	private final CaseDetailsReader details;

	private final Successors successors;

	private final AuditTrail audit;

	private final CustomerVisibility customerVisibility;

	private final CustomerReads reads;

	Offboarding(Cases cases, PlanRows rows, HandoverNotes notes, CaseAccess access, CaseDetailsReader details,
			Successors successors, AuditTrail audit, CustomerVisibility customerVisibility, CustomerReads reads) {
		this.reads = reads;
		this.cases = cases;
		this.rows = rows;
		this.notes = notes;
		this.access = access;
		this.details = details;
		this.successors = successors;
		this.audit = audit;
		this.customerVisibility = customerVisibility;
	}

	@Transactional(readOnly = true)
	public CaseDetails get(long caseId) {
		OffboardingCase offboarding = this.access.readable(caseId);
		return this.details.of(offboarding, this.access.mayManage(offboarding));
	}

	/** The caller's own open case, if they are serving notice. */
	@Transactional(readOnly = true)
	public Optional<CaseDetails> mine() {
		return this.cases.openOf(CurrentEmployee.id()).map(c -> this.details.of(c, this.access.mayManage(c)));
	}

	/** The id of the caller's own open case, if they are serving notice: one query. */
	@Transactional(readOnly = true)
	public Optional<Long> myOpenCaseId() {
		return CurrentEmployee.find().flatMap(me -> this.cases.openOf(me.employeeId())).map(OffboardingCase::id);
	}

	/**
	 * What the caller's notice banner says: their open case, and while they may still
	 * write notes, how many customers of it lack one and where to write the first.
	 */
	@Transactional(readOnly = true)
	public Optional<NoticeBanner> myBanner() {
		return CurrentEmployee.find().flatMap(me -> this.cases.openOf(me.employeeId())).map(c -> {
			if (!this.access.notesOpen(c)) {
				return new NoticeBanner(c.id(), 0, null);
			}
			return this.rows.withoutNote(c.id())
				.map(first -> new NoticeBanner(c.id(), first[0], first[1]))
				.orElse(new NoticeBanner(c.id(), 0, null));
		});
	}

	/**
	 * Every handover note about a customer, newest first, for whoever may see it (not
	 * through a public pool: the notes name the people who handled it).
	 */
	@Transactional(readOnly = true)
	public List<HandoverNoteView> notesOfCustomer(long customerId) {
		this.customerVisibility.requireVisibleBeyondPool(customerId);
		this.reads.customer(customerId);
		return this.notes.ofCustomer(customerId);
	}

	/** Open cases first, then recent departures, that the caller may run. */
	@Transactional(readOnly = true)
	public List<CaseDetails> list() {
		List<CaseDetails> found = new ArrayList<>();
		for (OffboardingCase c : this.cases.recent(200)) {
			if (this.access.mayManage(c)) {
				found.add(this.details.summary(c));
			}
		}
		return found;
	}

	@Transactional
	public PageResult<PlanRow> plan(long caseId, PlanRows.Filter filter, PageRequest page) {
		OffboardingCase offboarding = this.access.readable(caseId);
		List<PlanRow> found = this.rows.page(caseId, offboarding.employeeId(), filter, page.offset(), page.size());
		this.audit.record(AuditAction.HANDOVER_PLAN_VIEWED, "offboarding_case", caseId, Map.of("rows", found.size()));
		return new PageResult<>(found, page.page(), page.size(), this.rows.count(caseId, filter));
	}

	/** Chooses new owners for customers of the plan (manager, HR or administrator). */
	@Transactional
	public int editPlan(long caseId, List<PlanChange> changes) {
		OffboardingCase offboarding = this.access.manageable(caseId);
		List<Long> ids = changes.stream().map(PlanChange::customerId).distinct().toList();
		if (ids.isEmpty()) {
			throw new InvalidInputException("changes", "name at least one customer");
		}
		List<Long> pending = this.rows.pendingAmong(caseId, ids);
		if (pending.size() != ids.size()) {
			throw new InvalidInputException("customerId", "not in this plan, or handed over already");
		}
		changes.stream()
			.map(PlanChange::newOwnerId)
			.distinct()
			.forEach(id -> this.successors.require(id, offboarding.employeeId(), "newOwnerId"));
		int changed = this.rows.choose(caseId, changes, CurrentEmployee.id());
		this.audit.record(AuditAction.HANDOVER_PLAN_EDITED, "offboarding_case", caseId,
				Map.of("customers", changed, "customerIds", ids.stream().limit(100).toList()));
		return changed;
	}

	/** Gives every open row matching the filter to one employee (bulk reassign). */
	@Transactional
	public int editPlanWhere(long caseId, PlanRows.Filter filter, long newOwnerId) {
		OffboardingCase offboarding = this.access.manageable(caseId);
		this.successors.require(newOwnerId, offboarding.employeeId(), "newOwnerId");
		int changed = this.rows.chooseWhere(caseId, filter, newOwnerId, CurrentEmployee.id());
		this.audit.record(AuditAction.HANDOVER_PLAN_EDITED, "offboarding_case", caseId,
				Map.of("customers", changed, "level", String.valueOf(filter.level()), "to", newOwnerId));
		return changed;
	}

	/**
	 * Whether the caller writes the case's notes now: the leaver alone, until the last
	 * day.
	 */
	@Transactional(readOnly = true)
	public boolean notesWritable(long caseId) {
		return this.access.writesNotes(this.access.readable(caseId));
	}

	/**
	 * Refuses (404, 403 or 409, see {@link #writeNote}) unless the caller writes the
	 * case's notes now.
	 */
	@Transactional(readOnly = true)
	public void requireNoteWriter(long caseId) {
		this.access.notesWritable(caseId);
	}

	/** Whether the caller may read the text of the case's note on a customer. */
	@Transactional(readOnly = true)
	public boolean noteTextReadable(long caseId, long customerId) {
		return this.access.readsNoteText(this.access.readable(caseId), customerId);
	}

	/**
	 * The note on a customer of the case as it reads now: for its author, and for who
	 * runs the case and sees the customer (403 for HR, who learn only
	 * {@link #noteFacts}).
	 */
	@Transactional(readOnly = true)
	public Optional<HandoverNoteView> note(long caseId, long customerId) {
		this.access.noteTextReadable(caseId, customerId);
		return this.notes.find(caseId, customerId);
	}

	/**
	 * Every text the note had, newest first; for those who may read it (see
	 * {@link #note}).
	 */
	@Transactional(readOnly = true)
	public List<HandoverNoteVersion> noteVersions(long caseId, long customerId) {
		this.access.noteTextReadable(caseId, customerId);
		if (!this.rows.contains(caseId, customerId)) {
			throw new NotFoundException("customer");
		}
		return this.notes.versions(caseId, customerId);
	}

	/**
	 * Whether the note exists and how often it changed, without its text: for whoever
	 * sees the case.
	 */
	@Transactional(readOnly = true)
	public HandoverNoteFacts noteFacts(long caseId, long customerId) {
		this.access.readable(caseId);
		return HandoverNoteFacts.of(caseId, customerId, this.notes.find(caseId, customerId).orElse(null));
	}

	/**
	 * The name of a customer of the case's plan; 404 if the plan has no such customer.
	 */
	@Transactional(readOnly = true)
	public String customerInPlan(long caseId, long customerId) {
		this.access.readable(caseId);
		return this.rows.customerName(caseId, customerId).orElseThrow(() -> new NotFoundException("customer"));
	}

	/**
	 * The leaver writes the note for one customer of the plan, also after the handover,
	 * until the last working day is over; nobody else may (403), so that the receiver
	 * reads the leaver's own words. Every text is kept (the database appends it as a
	 * version) and each change is in the audit trail. The note belongs to the handover
	 * item: writing it gives no other access to the customer.
	 */
	@Transactional
	public HandoverNoteView writeNote(long caseId, long customerId, HandoverNoteForm form) {
		this.access.notesWritable(caseId);
		if (!this.rows.contains(caseId, customerId)) {
			throw new NotFoundException("customer");
		}
		if (form.blank()) {
			throw new InvalidInputException("keyContacts", "fill in at least one part of the note");
		}
		this.notes.write(caseId, customerId, form, CurrentEmployee.id());
		HandoverNoteView written = this.notes.find(caseId, customerId).orElseThrow();
		this.audit.record(AuditAction.HANDOVER_NOTE_WRITTEN, "customer", customerId,
				Map.of("caseId", caseId, "revision", written.revision()));
		return written;
	}

}
