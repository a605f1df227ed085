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
public enum Permission {

	CUSTOMER_CREATE("customer.create"), CUSTOMER_EDIT("customer.edit"), CUSTOMER_ARCHIVE("customer.archive"),
	CUSTOMER_TRANSFER("customer.transfer"), CUSTOMER_RESTORE("customer.restore"), CUSTOMER_MEMBERS("customer.members"),
	FOLLOWUP_CREATE("followup.create"), CONTACT_REVEAL("contact.reveal"), EXPORT_REQUEST("export.request"),
	EXPORT_APPROVE("export.approve"), DEPARTMENT_MANAGE("department.manage", true),
	EMPLOYEE_MANAGE("employee.manage", true), ROLE_MANAGE("role.manage", true), AUDIT_READ("audit.read", true),
	OFFBOARDING_EXECUTE("offboarding.execute");

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
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return false;
		}
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			if (this.code.equals(authority.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	/** Refuses (403) unless the caller holds this permission. */
	public void require() {
		if (!isHeld()) {
			throw new ForbiddenException("missing permission " + this.code);
		}
	}

}
