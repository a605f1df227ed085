package dev.holdfast.offboarding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.holdfast.audit.AuditAction;
import dev.holdfast.audit.AuditTrail;
import dev.holdfast.organization.OrganizationManagement;
import dev.holdfast.organization.RoleView;
import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.HoldfastClock;
import dev.holdfast.shared.InvalidInputException;
import dev.holdfast.shared.NotFoundException;
import dev.holdfast.shared.Permission;

/**
 * The items of the company's own departure checklist, as administrators
 * ({@code offboarding.checklist}) define them: beyond the customer handover, what must be
 * done before a case closes, and which role's holders confirm it. An item is retired,
 * never deleted: cases that had it keep it with its ticks. Every change is audited.
 */
@Service
public class CompanyChecklistItems {

	private static final int TITLE_LENGTH = 100;

	static final int LAST_POSITION = 9999;

	private final CompanyChecks checks;

	private final OrganizationManagement organization;

	private final AuditTrail audit;

	private final HoldfastClock clock;

	CompanyChecklistItems(CompanyChecks checks, OrganizationManagement organization, AuditTrail audit,
			HoldfastClock clock) {
		this.checks = checks;
		this.organization = organization;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every item, retired ones too, in list order. */
	@Transactional(readOnly = true)
	public List<CompanyCheckItem> items() {
		Permission.OFFBOARDING_CHECKLIST.require();
		Map<String, String> roles = roleNames();
		return this.checks.items().stream().map(row -> view(row, roles)).toList();
	}

	/**
	 * The roles an item can name: those whose holders see offboarding cases (they hold
	 * {@code offboarding.execute}), by code.
	 */
	@Transactional(readOnly = true)
	public List<RoleView> responsibleRoles() {
		Permission.OFFBOARDING_CHECKLIST.require();
		return this.organization.roles()
			.stream()
			.filter(r -> r.permissions().contains(Permission.OFFBOARDING_EXECUTE.code()))
			.toList();
	}

	@Transactional
	CompanyCheckItem create(CompanyCheckItemForm form) {
		Permission.OFFBOARDING_CHECKLIST.require();
		check(form);
		int position = form.position() == null ? this.checks.nextPosition() : form.position();
		long id = this.checks.create(form, position, this.clock.now(), CurrentEmployee.id());
		this.audit.record(AuditAction.OFFBOARDING_CHECKLIST_ITEM_CREATED, "offboarding_checklist_item", id, Map
			.of("title", form.title().strip(), "role", form.responsibleRole().strip(), "required", form.required()));
		return item(id);
	}

	/** Retires an item: new cases no longer get it; retiring it again changes nothing. */
	@Transactional
	CompanyCheckItem retire(long id) {
		Permission.OFFBOARDING_CHECKLIST.require();
		this.checks.item(id).orElseThrow(() -> new NotFoundException("checklist item"));
		if (this.checks.retire(id, this.clock.now(), CurrentEmployee.id())) {
			this.audit.record(AuditAction.OFFBOARDING_CHECKLIST_ITEM_RETIRED, "offboarding_checklist_item", id,
					Map.of());
		}
		return item(id);
	}

	/** Every role's name by code, built-in or not. */
	Map<String, String> roleNames() {
		Map<String, String> names = new LinkedHashMap<>();
		this.organization.roles().forEach(r -> names.put(r.code(), r.name()));
		return names;
	}

	private CompanyCheckItem item(long id) {
		return view(this.checks.item(id).orElseThrow(), roleNames());
	}

	private void check(CompanyCheckItemForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.title() == null || form.title().isBlank()) {
			errors.put("title", "is required");
		}
		else if (form.title().strip().length() > TITLE_LENGTH) {
			errors.put("title", "must be at most 100 characters");
		}
		if (form.responsibleRole() == null || form.responsibleRole().isBlank()) {
			errors.put("responsibleRole", "is required");
		}
		else if (this.organization.roles().stream().noneMatch(r -> r.code().equals(form.responsibleRole().strip()))) {
			errors.put("responsibleRole", "is not a role");
		}
		else if (responsibleRoles().stream().noneMatch(r -> r.code().equals(form.responsibleRole().strip()))) {
			errors.put("responsibleRole", "its holders do not see offboarding cases (it lacks offboarding.execute)");
		}
		if (form.position() != null && (form.position() < 0 || form.position() > LAST_POSITION)) {
			errors.put("position", "must be between 0 and 9999");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	static CompanyCheckItem view(CompanyChecks.Row row, Map<String, String> roles) {
		return new CompanyCheckItem(row.id(), row.title(), row.responsibleRole(), roles.get(row.responsibleRole()),
				row.required(), row.position(), row.createdAt(), row.retiredAt());
	}

}
