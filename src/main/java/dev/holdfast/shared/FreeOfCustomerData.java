package dev.holdfast.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller, or one of its handler methods, as showing and changing no customer
 * data: logging in, one's own profile, sessions and second factor, the agreements, the
 * organisation's employees and roles. The agreement gate lets such routes through before
 * the employee accepted the agreements their roles require; every other route is closed
 * until then (deny by default). Mark only what truly reads no customer data: the route
 * table test lists every marked route.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FreeOfCustomerData {

}
