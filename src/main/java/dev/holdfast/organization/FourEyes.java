package dev.holdfast.organization;

import org.springframework.stereotype.Component;

import dev.holdfast.shared.Permission;

/**
 * Decides whether an administrator's act on someone's access needs a second
 * administrator's approval now: as configured, or (by default) once there are two active
 * administrators, so that a company with one administrator is not locked out.
 */
@Component
class FourEyes {

	private final FourEyesProperties properties;

	private final LoginAccounts accounts;

	FourEyes(FourEyesProperties properties, LoginAccounts accounts) {
		this.properties = properties;
		this.accounts = accounts;
	}

	boolean required() {
		if (!this.properties.auto()) {
			return this.properties.on();
		}
		return this.accounts.activeHolders(Permission.ROLE_MANAGE.code(), null).size() >= 2;
	}

}
