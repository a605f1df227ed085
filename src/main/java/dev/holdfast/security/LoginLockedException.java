package dev.holdfast.security;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed logins for a username: refused until the lockout ends, even with the
 * right password.
 */
class LoginLockedException extends AuthenticationException {

	LoginLockedException() {
		super("too many failed logins; try again later");
	}

}
