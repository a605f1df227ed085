package dev.holdfast.offboarding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.shared.ConflictException;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.ForbiddenException;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;

/**
 * The company's departure checklist on an offboarding case: who ticked each item and
 * when, and the case's administrative end. Whoever sees the case sees its checklist (404
 * for anyone else, see {@link CaseAccess}); an item is ticked or unticked by who runs the
 * case and holds the item's responsible role (403 for others, the leaver included), and
 * never on a closed case (409). A case closes after the departure, by who runs it, once
 * every required item is ticked (409 {@code checklist_incomplete} naming the others); the
 * departure itself never waits for the checklist. Ticks and closing are audited.
 * <p>
 * {@link #checklist(long)} is the query the evidence package reads the checklist through.
 */
@Service
public class CompanyChecklist {

	private final CompanyChecks checks;

	private final CompanyChecklistItems items;

	private final Cases cases;

	private final CaseAccess access;

	private final AuditTrail audit;

	private final HoldfastClock clock;

	private final OrganizationManagement organization;

	CompanyChecklist(CompanyChecks checks, CompanyChecklistItems items, Cases cases, CaseAccess access,
			AuditTrail audit, HoldfastClock clock, OrganizationManagement organization) {
		this.checks = checks;
		this.items = items;
		this.cases = cases;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.organization = organization;
	}

	/**
	 * The checklist of a case, with who ticked each item and when: the items in force
	 * while it is open (or at the moment it closed), and every item ticked on it.
	 */
	@Transactional(readOnly = true)
	public List<CompanyCheck> checklist(long caseId) {
		return of(this.access.readable(caseId));
	}

	/** The checklist of a case the caller sees. */
	List<CompanyCheck> of(OffboardingCase offboarding) {
		List<CompanyChecks.Tick> ticks = this.checks.ofCase(offboarding.id(), offboarding.closedAt());
		Map<String, String> roles = this.items.roleNames();
		Map<Long, String> names = this.organization.displayNames(ticks.stream()
			.filter(CompanyChecks.Tick::ticked)
			.map(CompanyChecks.Tick::tickedBy)
			.distinct()
			.toList());
		boolean runs = !offboarding.closed() && !this.access.isLeaver(offboarding)
				&& this.access.mayManage(offboarding);
		return ticks.stream()
			.map(t -> new CompanyCheck(t.item().id(), t.item().title(), t.item().responsibleRole(),
					roles.get(t.item().responsibleRole()), t.item().required(), t.item().retired(), t.tickedBy(),
					t.tickedBy() == null ? null : names.get(t.tickedBy()), t.tickedAt(), t.note(),
					runs && !t.item().retired() && CurrentEmployee.holdsRole(t.item().responsibleRole())))
			.toList();
	}

	@Transactional
	public CompanyCheck tick(long caseId, long itemId, TickForm form) {
		OffboardingCase offboarding = ticker(caseId, itemId);
		String note = form == null ? null : form.noteOrNull();
		if (note != null && note.length() > TickForm.NOTE_LENGTH) {
			throw new InvalidInputException("note", "must be at most 500 characters");
		}
		if (this.checks.tick(caseId, itemId, CurrentEmployee.id(), this.clock.now(), note)) {
			this.audit.record(AuditAction.OFFBOARDING_CHECK_TICKED, "offboarding_case", caseId,
					Map.of("itemId", itemId, "employeeId", offboarding.employeeId()));
		}
		return find(offboarding, itemId);
	}

	@Transactional
	public CompanyCheck untick(long caseId, long itemId) {
		OffboardingCase offboarding = ticker(caseId, itemId);
		if (this.checks.untick(caseId, itemId)) {
			this.audit.record(AuditAction.OFFBOARDING_CHECK_UNTICKED, "offboarding_case", caseId,
					Map.of("itemId", itemId, "employeeId", offboarding.employeeId()));
		}
		return find(offboarding, itemId);
	}

	/**
	 * Closes a departed case, once every required item of its checklist is ticked: by who
	 * runs the case.
	 */
	@Transactional
	public void close(long caseId) {
		this.access.manageable(caseId);
		// waits for a tick or untick in flight, which holds the same row
		OffboardingCase offboarding = this.cases.lockWaiting(caseId).orElseThrow(() -> new NotFoundException("case"));
		requireNotClosed(offboarding);
		if (offboarding.open()) {
			throw new ConflictException("not_departed",
					"the employee has not departed yet; a case closes after the last working day");
		}
		List<Map<String, Object>> missing = new ArrayList<>();
		for (CompanyCheck check : of(offboarding)) {
			if (check.required() && !check.retired() && !check.ticked()) {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("itemId", check.itemId());
				item.put("title", check.title());
				item.put("responsibleRole", check.responsibleRole());
				missing.add(item);
			}
		}
		if (!missing.isEmpty()) {
			throw new ConflictException("checklist_incomplete",
					"required items of the company's checklist are not ticked yet", Map.of("items", missing));
		}
		this.cases.closed(caseId, this.clock.now(), CurrentEmployee.id());
		this.audit.record(AuditAction.OFFBOARDING_CASE_CLOSED, "offboarding_case", caseId,
				Map.of("employeeId", offboarding.employeeId()));
	}

	/**
	 * The case, locked until the transaction ends, if the caller may tick this item on it
	 * now: 404 for a case they don't see or an item it hasn't, 403 unless they run the
	 * case (the leaver doesn't) and hold the item's role, 409 on a closed case or a
	 * retired item.
	 */
	private OffboardingCase ticker(long caseId, long itemId) {
		OffboardingCase seen = this.access.readable(caseId);
		CompanyChecks.Tick on = this.checks.ofCase(caseId, seen.closedAt())
			.stream()
			.filter(t -> t.item().id() == itemId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("checklist item"));
		if (this.access.isLeaver(seen)) {
			throw new ForbiddenException("the leaver does not tick their own departure checklist");
		}
		if (!this.access.mayManage(seen) || !CurrentEmployee.holdsRole(on.item().responsibleRole())) {
			throw new ForbiddenException("only who runs the case and holds the item's responsible role ticks it");
		}
		OffboardingCase locked = this.cases.lockWaiting(caseId).orElseThrow(() -> new NotFoundException("case"));
		requireNotClosed(locked);
		if (on.item().retired()) {
			throw new ConflictException("item_retired", "this checklist item is retired");
		}
		return locked;
	}

	private static void requireNotClosed(OffboardingCase offboarding) {
		if (offboarding.closed()) {
			throw new ConflictException("case_closed", "the case is closed; its checklist no longer changes");
		}
	}

	private CompanyCheck find(OffboardingCase offboarding, long itemId) {
		return of(offboarding).stream().filter(c -> c.itemId() == itemId).findFirst().orElseThrow();
	}

}
