package dev.holdfast.system;

import java.util.Set;

import dev.holdfast.shared.Permission;

/**
 * Whether the caller's permissions give them any work with customers: only then do the
 * menu and the start page offer the customer list. HR and auditors hold none of these, so
 * they see no empty customer list. The same list is in the layout's menu.
 */
final class CustomerWork {

	static final Set<Permission> PERMISSIONS = Set.of(Permission.CUSTOMER_CREATE, Permission.CUSTOMER_EDIT,
			Permission.CUSTOMER_TRANSFER, Permission.FOLLOWUP_CREATE, Permission.CUSTOMER_CLAIM, Permission.POOL_ASSIGN,
			Permission.CARE_VISIT, Permission.CARE_RECORD);

	private CustomerWork() {
	}

	static boolean held() {
		return PERMISSIONS.stream().anyMatch(Permission::isHeld);
	}

}
