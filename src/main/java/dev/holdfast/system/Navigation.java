package dev.holdfast.system;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.holdfast.shared.CurrentEmployee;
import dev.holdfast.shared.CustomerWork;
import dev.holdfast.shared.Labelled;
import dev.holdfast.shared.Permission;

import static dev.holdfast.shared.Permission.AUDIT_READ;
import static dev.holdfast.shared.Permission.CARE_VISIT;
import static dev.holdfast.shared.Permission.CUSTOMER_CLAIM;
import static dev.holdfast.shared.Permission.CUSTOMER_IMPORT;
import static dev.holdfast.shared.Permission.DASHBOARD_READ;
import static dev.holdfast.shared.Permission.DEPARTMENT_MANAGE;
import static dev.holdfast.shared.Permission.EMPLOYEE_MANAGE;
import static dev.holdfast.shared.Permission.EXPORT_APPROVE;
import static dev.holdfast.shared.Permission.EXPORT_REQUEST;
import static dev.holdfast.shared.Permission.FOLLOWUP_CREATE;
import static dev.holdfast.shared.Permission.KNOWHOW_PUBLISH;
import static dev.holdfast.shared.Permission.LEAK_TRACE;
import static dev.holdfast.shared.Permission.LOGIN_UNLOCK;
import static dev.holdfast.shared.Permission.OFFBOARDING_EXECUTE;
import static dev.holdfast.shared.Permission.POOL_ASSIGN;
import static dev.holdfast.shared.Permission.RISK_READ;
import static dev.holdfast.shared.Permission.ROLE_MANAGE;

/**
 * Every entry of the top bar, in order, with who sees it: the holder of any of its
 * permissions (or of its role). One fragment of the layout renders the entries the caller
 * may see; the "Manage" menu appears when it has an entry. The menu is convenience, never
 * protection: each page's service refuses a caller who may not use it, whether or not the
 * menu offered the link.
 */
enum Navigation implements Labelled {

	// on the bar itself (the fourth argument says whether an entry sits in the "Manage"
	// menu)

	HOME("home", "nav.home", "/", false, Set.of()),

	CUSTOMERS("customers", "nav.customers", "/customers", false, CustomerWork.PERMISSIONS),

	REMINDERS("reminders", "nav.reminders", "/reminders", false, Set.of(FOLLOWUP_CREATE)),

	POOL("pool", "nav.pool", "/pool", false, Set.of(CUSTOMER_CLAIM, POOL_ASSIGN)),

	KNOW_HOW("know-how", "nav.knowHow", "/know-how", false, Set.of(FOLLOWUP_CREATE, KNOWHOW_PUBLISH)),

	DASHBOARD("dashboard", "nav.dashboard", "/dashboard", false, Set.of(DASHBOARD_READ)),

	HANDOVER_TASKS("handover-tasks", "nav.handoverTasks", "/handover-tasks", false, Set.of(FOLLOWUP_CREATE)),

	CARE_VISITS("care-visits", "nav.careVisits", "/care-visits", false, Set.of(CARE_VISIT)),

	// in the "Manage" menu

	DEPARTMENTS("departments", "nav.departments", "/admin/departments", true, Set.of(DEPARTMENT_MANAGE)),

	EMPLOYEES("employees", "nav.employees", "/admin/employees", true, Set.of(EMPLOYEE_MANAGE)),

	ROLES("roles", "nav.roles", "/admin/roles", true, Set.of(ROLE_MANAGE, EMPLOYEE_MANAGE)),

	APPROVALS("approvals", "approvals.title", "/admin/approvals", true, Set.of(ROLE_MANAGE)),

	AUDIT("audit", "nav.audit", "/audit", true, Set.of(AUDIT_READ)),

	OFFBOARDING("offboarding", "nav.offboarding", "/offboarding", true, Set.of(OFFBOARDING_EXECUTE)),

	/**
	 * Rotation of key accounts (轮岗, issue 15, item 4): who may transfer customers plans
	 * it.
	 */
	ROTATIONS("rotations", "rotation.nav", "/rotations", true, Set.of(Permission.CUSTOMER_TRANSFER)),

	/** Managers see their department's risk, whatever their role's permissions. */
	RISK("risk", "nav.risk", "/risk", true, Set.of(RISK_READ), "SALES_MANAGER"),

	/**
	 * The post-departure watch (issue 15, item 1): auditors and administrators, and sales
	 * managers, who see their former reps' (HR runs offboarding but sees no watch).
	 */
	DEPARTURE_WATCH("watches", "watch.nav", "/watches", true, Set.of(AUDIT_READ), "SALES_MANAGER"),

	EXPORTS("exports", "exports.nav", "/exports", true, Set.of(EXPORT_REQUEST, EXPORT_APPROVE)),

	IMPORTS("imports", "imports.page.nav", "/imports", true, Set.of(CUSTOMER_IMPORT)),

	LEAK_TRACE_PAGE("leak-trace", "exports.trace.nav", "/leak-trace", true, Set.of(LEAK_TRACE)),

	/** The evidence package of a departure (issue 15, item 2). */
	EVIDENCE("evidence", "evidence.nav", "/evidence", true, Set.of(Permission.EVIDENCE_BUILD)),

	LOGIN_LOCKOUTS("login-lockouts", "loginLockouts.nav", "/admin/login-lockouts", true, Set.of(LOGIN_UNLOCK)),

	/** An archive holds every customer and the keys: as the keys' rotation. */
	BACKUPS("backups", "backups.nav", "/admin/backups", true, Set.of(ROLE_MANAGE)),

	/** The company's own departure checklist (issue 15, item 3). */
	OFFBOARDING_CHECKLIST("offboarding-checklist", "checklist.nav", "/admin/offboarding-checklist", true,
			Set.of(Permission.OFFBOARDING_CHECKLIST));

	private final String section;

	private final String labelKey;

	private final String url;

	/** Whether it sits in the "Manage" menu rather than on the bar itself. */
	private final boolean manage;

	private final Set<Permission> anyOf;

	private final String role;

	Navigation(String section, String labelKey, String url, boolean manage, Set<Permission> anyOf) {
		this(section, labelKey, url, manage, anyOf, null);
	}

	Navigation(String section, String labelKey, String url, boolean manage, Set<Permission> anyOf, String role) {
		this.section = section;
		this.labelKey = labelKey;
		this.url = url;
		this.manage = manage;
		this.anyOf = anyOf;
		this.role = role;
	}

	/**
	 * The part of the site it leads to, as {@link LayoutAttributes#navSection} names it;
	 * also the entry's id, {@code nav-<section>}.
	 */
	public String section() {
		return this.section;
	}

	@Override
	public String labelKey() {
		return this.labelKey;
	}

	public String url() {
		return this.url;
	}

	/**
	 * Whether the caller of the current request sees it: an entry without permissions is
	 * everyone's.
	 */
	boolean visible() {
		return this.anyOf.isEmpty() || this.anyOf.stream().anyMatch(Permission::isHeld)
				|| (this.role != null && CurrentEmployee.holdsRole(this.role));
	}

	/** The entries of the bar itself the caller sees, in order. */
	static List<Navigation> bar() {
		return visible(false);
	}

	/** The entries of the "Manage" menu the caller sees, in order. */
	static List<Navigation> manageMenu() {
		return visible(true);
	}

	private static List<Navigation> visible(boolean manage) {
		return Arrays.stream(values()).filter(entry -> entry.manage == manage && entry.visible()).toList();
	}

}
