package dev.holdfast.shared;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every permission Holdfast knows, and the one place where the caller's permissions are
 * checked. The security module loads the caller's current permissions from the database
 * on every request, so a role taken away takes effect on the next request on every
 * instance.
 */
public enum Permission implements Labelled {

	CUSTOMER_CREATE("customer.create"), CUSTOMER_EDIT("customer.edit"), CUSTOMER_ARCHIVE("customer.archive"),
	CUSTOMER_TRANSFER("customer.transfer"), CUSTOMER_RESTORE("customer.restore"), CUSTOMER_MEMBERS("customer.members"),
	FOLLOWUP_CREATE("followup.create"), CONTACT_REVEAL("contact.reveal"), EXPORT_REQUEST("export.request"),
	CUSTOMER_CLAIM("customer.claim"), EXPORT_APPROVE("export.approve"), DEPARTMENT_MANAGE("department.manage", true),
	EMPLOYEE_MANAGE("employee.manage", true), ROLE_MANAGE("role.manage", true), AUDIT_READ("audit.read", true),
	OFFBOARDING_EXECUTE("offboarding.execute"), CARE_VISIT("care.visit"), CARE_RECORD("care.record"),
	LEAK_TRACE("leak.trace", true), RISK_READ("risk.read", true), POOL_ASSIGN("pool.assign"),
	POOL_MANAGE("pool.manage", true), CUSTOMER_LOCK("customer.lock"), FOLLOWUP_TEMPLATE("followup.template", true),
	KNOWHOW_PUBLISH("knowhow.publish"), DASHBOARD_READ("dashboard.read"), AGREEMENT_MANAGE("agreement.manage", true),

	// security (issue 10): administrators see locked logins and unlock them
	LOGIN_UNLOCK("login.unlock", true),

	// care (issue 10, hole 5): assigns care visits to others and lengthens a visitor's
	// access to a customer; managers and administrators, not plain customer service
	CARE_COORDINATE("care.coordinate"),

	// imports (issue 13, item 1): bring customers, contacts and follow-ups in from files;
	// sales managers and administrators
	CUSTOMER_IMPORT("customer.import"),

	// offboarding (issue 15, item 3): administrators define the company's own departure
	// checklist
	OFFBOARDING_CHECKLIST("offboarding.checklist", true),

	// the evidence package of a departure (issue 15, item 2): administrators and auditors
	EVIDENCE_BUILD("evidence.build", true);

	private final String code;

	private final boolean administrative;

	Permission(String code) {
		this(code, false);
	}

	Permission(String code, boolean administrative) {
		this.code = code;
		this.administrative = administrative;
	}

	/**
	 * The name used in roles, the API and Spring Security authorities, e.g.
	 * {@code customer.edit}.
	 */
	public String code() {
		return this.code;
	}

	/** Its label is the permission's of the same code. */
	@Override
	public String labelKey() {
		return "permission." + this.code;
	}

	/**
	 * Permissions over the organisation itself: only a holder of {@link #ROLE_MANAGE} may
	 * grant them.
	 */
	public boolean administrative() {
		return this.administrative;
	}

	public static Optional<Permission> ofCode(String code) {
		return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
	}

	/** Whether the caller of the current request holds this permission. */
	public boolean isHeld() {
		return hasAuthority(this.code);
	}

	static boolean hasAuthority(String name) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return false;
		}
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			if (name.equals(authority.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Refuses (403) unless the caller holds this permission; a caller serving notice is
	 * refused with that reason even if their roles would grant it.
	 */
	public void require() {
		refuseIfRestricted();
		if (!isHeld()) {
			throw new ForbiddenException("missing permission " + this.code);
		}
	}

	/**
	 * Refuses (403, notice period) if the caller's notice period takes this away, whether
	 * or not their roles grant it: HR serving notice may not change anyone's roles.
	 */
	public void refuseIfRestricted() {
		if (hasAuthority(RESTRICTED_PREFIX + this.code)) {
			throw new NoticePeriodException(this.code + " is not allowed while serving notice");
		}
		if (hasAuthority(SUSPENDED_PREFIX + this.code)) {
			throw new SuspendedException(this.code + " is suspended after unusual activity until a manager lifts it");
		}
	}

	/**
	 * The authority that marks a permission taken away by a notice period, e.g.
	 * {@code restricted:contact.reveal}.
	 */
	public static final String RESTRICTED_PREFIX = "restricted:";

	/**
	 * The authority that marks a permission suspended by the risk module after unusual
	 * activity, e.g. {@code suspended:contact.reveal}.
	 */
	public static final String SUSPENDED_PREFIX = "suspended:";

}
