package dev.holdfast.shared;

import java.util.Set;

/**
 * Whether the caller's permissions give them any work with customers: only then do the
 * menu and the start page offer the customer list. HR and auditors hold none of these, so
 * they see no empty customer list, and the customer list page tells them so instead of
 * showing nothing. Which customers anyone sees is still decided by the customer module's
 * visibility rule; this only chooses what to offer.
 */
public final class CustomerWork {

	public static final Set<Permission> PERMISSIONS = Set.of(Permission.CUSTOMER_CREATE, Permission.CUSTOMER_EDIT,
			Permission.CUSTOMER_TRANSFER, Permission.FOLLOWUP_CREATE, Permission.CUSTOMER_CLAIM, Permission.POOL_ASSIGN,
			Permission.CARE_VISIT, Permission.CARE_RECORD);

	private CustomerWork() {
	}

	public static boolean held() {
		return PERMISSIONS.stream().anyMatch(Permission::isHeld);
	}

	/** Refuses (403, with a page saying it is not their work) those who hold none. */
	public static void require(String reason) {
		if (!held()) {
			throw new ForbiddenException(reason, "error.noCustomerWork");
		}
	}

}
