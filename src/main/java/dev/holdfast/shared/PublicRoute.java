package dev.holdfast.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a route reached without an employee's sign-in (the login page, issuing a
 * token, SCIM with its own token), with the reason. Only a declaration: which requests
 * need no sign-in is still decided by the security filter chain.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublicRoute {

	/** Why no employee's sign-in is needed. */
	String value();

}
