package dev.holdfast.security;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right, but this employee also needs the code of their second factor.
 */
class SecondFactorRequiredException extends AuthenticationException {

	SecondFactorRequiredException() {
		super("enter the code of your authenticator app");
	}

}
