package dev.holdfast.security;

import org.springframework.security.core.AuthenticationException;

/** A login outside the addresses or hours its roles allow. */
class LoginRefusedException extends AuthenticationException {

	LoginRefusedException(String reason) {
		super("login refused: " + reason);
	}

}
